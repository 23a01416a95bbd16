/**
 * Creating and cancelling campaigns (the same for `/v1/campaigns` and `/api/campaigns`).
 * Everything that can be wrong is refused (400) before the row exists or anything is enqueued:
 * the fields, every template of every variant, the segment.
 */
import type { AudienceBreakdown, CampaignStatus } from '../../schemas/campaign-view';
import type { CampaignCreate } from '../../schemas/campaigns';
import { HttpError } from '../errors';
import { iso } from '../lib/time';
import { audienceBreakdown, loadSegment, segmentCount } from '../segments';
import { readSettings } from '../settings';
import { checkTemplates, templateError, type TemplateIssue } from '../templates';
import { startDue } from './fanout';
import { campaignRow } from './store';

/** Queue messages can wait at most 12 hours; later starts are left to the scheduler (cron). */
const MAX_QUEUE_DELAY_S = 43_200;

function templateIssues(input: CampaignCreate): TemplateIssue[] {
  const issues = checkTemplates(input.content, input.fallback_text);
  input.variants?.forEach((variant, i) => {
    for (const issue of checkTemplates(variant.content, variant.fallback_text))
      issues.push({ ...issue, path: `variants.${i}.${issue.path}` });
  });
  return issues;
}

export async function createCampaign(env: Env, input: CampaignCreate, actor: string): Promise<{ id: string; status: CampaignStatus }> {
  const issues = templateIssues(input);
  if (issues.length) throw templateError(issues);
  let definition: string | null = null;
  let profiles: string | null = null;
  let audience: number;
  if (input.segment_id !== undefined) {
    const segment = await loadSegment(env, input.segment_id);
    if (!segment) throw noSegment(input.segment_id);
    definition = JSON.stringify(segment.definition ?? null);
    audience = await segmentCount(env, segment.definition);
  } else {
    const list = [...new Set(input.profiles ?? [])].sort();
    profiles = JSON.stringify(list);
    audience = list.length;
  }
  const now = Date.now();
  const sendAt = input.send_at ? Date.parse(input.send_at) : null;
  const scheduled = sendAt !== null && sendAt > now;
  const settings = await readSettings(env);
  const id = `cmp_${crypto.randomUUID().replaceAll('-', '')}`;
  const status: CampaignStatus = scheduled ? 'scheduled' : 'sending';
  const variants = input.variants?.map((v) => ({ content: v.content, fallback_text: v.fallback_text ?? null, share: v.share })) ?? null;
  await env.DB.prepare(
    `INSERT INTO campaigns (id, name, status, segment_id, definition, profiles, content, fallback_text, variants, cap_mode, audience,
       pace_rcs, pace_sms, send_at, created_at, created_by, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      input.name,
      status,
      input.segment_id ?? null,
      definition,
      profiles,
      JSON.stringify(input.content),
      input.fallback_text ?? null,
      variants ? JSON.stringify(variants) : null,
      input.cap_mode,
      audience,
      settings.send_rate_rcs,
      settings.send_rate_sms,
      sendAt === null ? null : iso(sendAt),
      iso(now),
      actor,
      scheduled ? null : iso(now),
    )
    .run();
  const delay = scheduled ? Math.ceil((sendAt - now) / 1000) : 0;
  if (delay <= MAX_QUEUE_DELAY_S) {
    try {
      await env.CAMPAIGN_QUEUE.send({ kind: 'page', campaign_id: id, after: null }, delay ? { delaySeconds: delay } : undefined);
    } catch (err) {
      // The row is the truth: the scheduler's sweep starts a campaign whose first page was lost.
      console.error('campaign first page not enqueued; the scheduler will', err);
    }
  }
  return { id, status };
}

/** Cancels a scheduled or sending campaign; recipients not yet released get nothing. */
export async function cancelCampaign(env: Env, id: string): Promise<{ id: string; status: CampaignStatus }> {
  const now = iso();
  const res = await env.DB.prepare(
    "UPDATE campaigns SET status = 'cancelled', cancelled_at = ?, finished_at = ? WHERE id = ? AND status IN ('scheduled', 'sending')",
  )
    .bind(now, now, id)
    .run();
  const row = await campaignRow(env, id);
  if (!row) throw new HttpError(404, 'not_found', `No campaign ${id}.`);
  if (!res.meta.changes && row.status !== 'cancelled') {
    throw new HttpError(409, 'campaign_finished', `Campaign ${id} is already ${row.status}: there is nothing left to cancel.`);
  }
  return { id, status: row.status };
}

const noSegment = (id: string) =>
  new HttpError(400, 'invalid_request', `segment_id: no segment ${id}`, [{ path: 'segment_id', message: 'no such segment' }]);

/**
 * Who a campaign would reach and why the others would not, as the directory sees it now (each
 * Profile object decides again at release). A list is counted in chunks (D1 binds 100 values).
 */
export async function audienceOf(env: Env, input: { segment_id?: string; profiles?: string[] }): Promise<AudienceBreakdown> {
  if (input.segment_id !== undefined) {
    const segment = await loadSegment(env, input.segment_id);
    if (!segment) throw noSegment(input.segment_id);
    const b = await audienceBreakdown(env, segment.definition, 'marketing');
    return {
      total: b.matched,
      eligible_marketing: b.reachable,
      excluded: { unsubscribed: b.excluded.unsubscribed, never_subscribed: b.excluded.not_subscribed },
    };
  }
  const list = [...new Set(input.profiles ?? [])];
  const counts = { subscribed: 0, unsubscribed: 0 };
  for (let i = 0; i < list.length; i += 90) {
    const chunk = list.slice(i, i + 90);
    const { results } = await env.DB.prepare(
      `SELECT marketing, count(*) AS n FROM profiles WHERE phone IN (${chunk.map(() => '?').join(',')}) GROUP BY marketing`,
    )
      .bind(...chunk)
      .all<{ marketing: string; n: number }>();
    for (const r of results) if (r.marketing === 'subscribed' || r.marketing === 'unsubscribed') counts[r.marketing] += r.n;
  }
  return {
    total: list.length,
    eligible_marketing: counts.subscribed,
    excluded: { unsubscribed: counts.unsubscribed, never_subscribed: list.length - counts.subscribed - counts.unsubscribed },
  };
}

/** The scheduler (cron): starts campaigns that are due, and re-kicks any whose fan-out stalled. */
export async function sweepCampaigns(env: Env): Promise<void> {
  await startDue(env);
}
