/**
 * The deployment settings a Profile reads on its hot paths: brand settings (D1 `settings`) and
 * postback automations (D1 `postback_rules`, a tap's postback → an automated answer). Both
 * change rarely (an admin's edit) and are the same for every customer, so the objects of an
 * isolate share one copy for SETTINGS_TTL_MS and read both tables (in parallel) when it
 * expires: a campaign's taps, each on another customer's object, cost no D1 query. An edit
 * reaches every object within SETTINGS_TTL_MS. Rules are validated once per load, not per tap.
 */
import * as v from 'valibot';
import { ContentSchema, type Content } from '../../schemas/content';
import { getBrandSettings, type BrandSettings } from '../settings';

export const SETTINGS_TTL_MS = 10_000;

export interface PostbackRule {
  content: Content;
  purpose: 'support' | 'transactional';
}

interface Snapshot {
  brand: BrandSettings;
  rules: ReadonlyMap<string, PostbackRule>;
}

async function loadRules(env: Env): Promise<Map<string, PostbackRule>> {
  const rules = new Map<string, PostbackRule>();
  let rows: { postback: string; reply: string; purpose: string }[] = [];
  try {
    rows = (await env.DB.prepare('SELECT postback, reply, purpose FROM postback_rules').all<(typeof rows)[number]>()).results;
  } catch (err) {
    console.error('postback rules unavailable', err);
  }
  for (const r of rows) {
    let json: unknown;
    try {
      json = JSON.parse(r.reply);
    } catch {
      console.error(`postback rule "${r.postback}" has invalid JSON`);
      continue;
    }
    const parsed = v.safeParse(ContentSchema, json);
    if (!parsed.success) {
      console.error(`postback rule "${r.postback}" has invalid content`);
      continue;
    }
    rules.set(r.postback, { content: parsed.output, purpose: r.purpose === 'transactional' ? 'transactional' : 'support' });
  }
  return rules;
}

/**
 * The shared copy: plain data only (a promise made in one object's request must not be awaited
 * from another's), stamped with the time it was read.
 */
let shared: { at: number; snapshot: Snapshot } | null = null;

export class SettingsCache {
  /** Real time by default (a Profile's business clock is frozen in tests); injectable for tests. */
  now: () => number = () => Date.now();
  /** This object's load in progress, if any (its concurrent requests wait for the same one). */
  private loading: Promise<Snapshot> | null = null;

  constructor(private readonly env: Env) {}

  /** Drops the shared copy: the next read goes to D1 (tests, after changing settings or rules). */
  forget(): void {
    shared = null;
  }

  private snapshot(): Promise<Snapshot> {
    const t = this.now();
    if (shared && t - shared.at <= SETTINGS_TTL_MS && t >= shared.at) return Promise.resolve(shared.snapshot);
    // Neither loader rejects (defaults and an empty rule set on error).
    this.loading ??= Promise.all([getBrandSettings(this.env), loadRules(this.env)]).then(([brand, rules]) => {
      const snapshot = { brand, rules };
      shared = { at: this.now(), snapshot };
      this.loading = null;
      return snapshot;
    });
    return this.loading;
  }

  async brand(): Promise<BrandSettings> {
    return (await this.snapshot()).brand;
  }

  /** The automated answer to a postback, or null when no rule matches. */
  async postbackRule(postback: string): Promise<PostbackRule | null> {
    return (await this.snapshot()).rules.get(postback) ?? null;
  }
}
