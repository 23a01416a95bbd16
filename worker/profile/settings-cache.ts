/**
 * The deployment settings a Profile reads on its hot paths: brand settings (D1 `settings`) and
 * postback automations (D1 `postback_rules`, a tap's postback → an automated answer). Both
 * change rarely (an admin's edit), so each object keeps them for TTL_MS and reads both tables
 * in one round trip when they expire: a tap or a keyword costs no D1 query. An edit reaches
 * every object within TTL_MS. Rules are validated once per load, not once per tap.
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

export class SettingsCache {
  /** Real time by default (a Profile's business clock is frozen in tests); injectable for tests. */
  now: () => number = () => Date.now();
  private cached: { at: number; value: Promise<Snapshot> } | null = null;

  constructor(private readonly env: Env) {}

  private snapshot(): Promise<Snapshot> {
    const t = this.now();
    if (!this.cached || t - this.cached.at > SETTINGS_TTL_MS || t < this.cached.at) {
      // Neither loader rejects (defaults and an empty rule set on error): safe to share.
      this.cached = {
        at: t,
        value: Promise.all([getBrandSettings(this.env), loadRules(this.env)]).then(([brand, rules]) => ({ brand, rules })),
      };
    }
    return this.cached.value;
  }

  async brand(): Promise<BrandSettings> {
    return (await this.snapshot()).brand;
  }

  /** The automated answer to a postback, or null when no rule matches. */
  async postbackRule(postback: string): Promise<PostbackRule | null> {
    return (await this.snapshot()).rules.get(postback) ?? null;
  }
}
