/**
 * A campaign's recipient, in their own Profile object (docs/architecture.md, "Campaigns"):
 * the message is rendered for this customer, then goes through the ordinary send pipeline
 * (consent, frequency cap, quiet hours at this moment), and the recipient's one outcome is
 * kept here and written to D1's `campaign_recipients`.
 *
 * Exactly once: the local `campaign_outcomes` row is written before the first await and the
 * message carries the idempotency key `campaign:<id>`, so a redelivered batch or a restarted
 * Worker finds the row and sends nothing. Durable: each change bumps `rev`; a row whose `rev`
 * D1 has not acknowledged is a mark the alarm retries (`campaign_sync` timer) until it lands.
 * The fan-out (`caller_writes`) writes the first outcome itself, a queue message at a time,
 * and acknowledges the message only once D1 has it: a redelivery asks again and writes again.
 */
import type { RecipientOutcome } from '../../schemas/campaign-view';
import type { CampaignOutcome, CampaignSendRequest } from '../profile.types';
import { iso } from '../lib/time';
import { profileContext, renderContent } from '../templates';
import type { Core } from './core';
import { accept, consentGate } from './send';
import { CANCELLED_REASON, find, type OutcomeRow, rows } from './campaign-state';
import type { MessageRow } from './store';

/** A failed D1 write of outcomes is retried this much later. */
const SYNC_RETRY_MS = 30_000;
/** Outcomes written to D1 per batch (a D1 batch is one round trip). */
const SYNC_BATCH = 50;
type Fields = Pick<OutcomeRow, 'outcome' | 'reason' | 'channel' | 'held_until'>;

function view(core: Core, row: OutcomeRow): CampaignOutcome {
  const out: CampaignOutcome = {
    phone: core.store.profile()?.phone ?? '',
    outcome: row.outcome as RecipientOutcome,
    variant: row.variant === 'b' ? 'b' : 'a',
    rev: row.rev,
  };
  if (row.reason) out.reason = row.reason;
  if (row.channel === 'rcs' || row.channel === 'sms') out.channel = row.channel;
  if (row.message_id) out.message_id = row.message_id;
  if (row.held_until !== null) out.held_until = iso(row.held_until);
  return out;
}

/** What a campaign message's state means for its recipient. */
function outcomeOf(core: Core, message: MessageRow): Fields {
  const store = core.store;
  // Read only for the outcomes that carry them (a sent message, the common case, needs neither).
  const reason = () => store.histories([message.id]).get(message.id)?.at(-1)?.reason ?? null;
  switch (message.status) {
    case 'held':
    case 'scheduled':
    case 'queued': {
      const timer = store.timers().find((t) => t.id === `release:${message.id}` || t.id === `retry:${message.id}`);
      return { outcome: 'held', reason: reason(), channel: null, held_until: timer?.due_at ?? null };
    }
    case 'skipped': {
      const why = reason();
      return { outcome: why === CANCELLED_REASON ? 'cancelled' : 'skipped', reason: why, channel: null, held_until: null };
    }
    case 'failed':
      return { outcome: 'failed', reason: reason(), channel: message.channel, held_until: null };
    default: {
      const sms = message.fallback_sms_id ? store.message(message.fallback_sms_id) : null;
      return { outcome: 'sent', reason: null, channel: sms ? sms.channel : message.channel, held_until: null };
    }
  }
}

function update(core: Core, campaignId: string, fields: Fields): void {
  const row = find(core, campaignId);
  if (!row) return;
  if (
    row.outcome === fields.outcome &&
    row.reason === fields.reason &&
    row.channel === fields.channel &&
    row.held_until === fields.held_until
  )
    return;
  rows(core).exec(
    'UPDATE campaign_outcomes SET outcome = ?, reason = ?, channel = ?, held_until = ?, rev = rev + 1, updated_at = ? WHERE campaign_id = ?',
    fields.outcome,
    fields.reason,
    fields.channel,
    fields.held_until,
    core.now(),
    campaignId,
  );
}

/** The recipient's send: see the file header. Returns the outcome as it stands after it. */
export async function sendCampaign(core: Core, phone: string, req: CampaignSendRequest): Promise<CampaignOutcome> {
  const store = core.store;
  const profile = store.profileView();
  if (!profile) {
    // Never create a customer for a campaign: an unknown number on a list is refused, with
    // nothing stored here (a redelivery writes the same row again).
    const outcome: CampaignOutcome = { phone, outcome: 'refused', reason: 'no such customer', variant: req.variant, rev: 1 };
    if (!req.caller_writes) await writeOutcomes(core.env, req.campaign_id ? [{ ...outcome, campaign_id: req.campaign_id }] : []);
    return outcome;
  }
  const existing = find(core, req.campaign_id);
  if (existing) return answer(core, req);
  // From here to the row's insert: no await (a concurrent redelivery finds the row).
  const rendered = renderContent(req.content, req.fallback_text, profileContext(profile));
  let refused: string | null = null;
  const gate = consentGate(core, 'marketing');
  if (gate) refused = `${gate}: this customer may not receive marketing now`;
  else if (!rendered.ok) refused = `template: ${rendered.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  rows(core).exec(
    `INSERT INTO campaign_outcomes (campaign_id, variant, cap_mode, outcome, reason, rev, synced_rev, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, 0, ?)`,
    req.campaign_id,
    req.variant,
    req.cap_mode,
    refused ? 'refused' : 'held',
    refused ?? 'releasing',
    core.now(),
  );
  if (!refused && rendered.ok) {
    const sent = await accept(core, phone, {
      purpose: 'marketing',
      content: rendered.content,
      ...(rendered.fallbackText ? { fallback_text: rendered.fallbackText } : {}),
      campaign_id: req.campaign_id,
      idempotency_key: `campaign:${req.campaign_id}`,
    });
    if (sent.ok) {
      rows(core).exec('UPDATE campaign_outcomes SET message_id = ? WHERE campaign_id = ?', sent.id, req.campaign_id);
      const message = store.message(sent.id);
      if (message) update(core, req.campaign_id, outcomeOf(core, message));
    } else {
      update(core, req.campaign_id, { outcome: 'refused', reason: `${sent.error}: ${sent.message}`, channel: null, held_until: null });
    }
  }
  return answer(core, req);
}

/** The recipient's outcome as it stands, written to D1 here unless the caller writes it. */
async function answer(core: Core, req: CampaignSendRequest): Promise<CampaignOutcome> {
  const row = find(core, req.campaign_id) as OutcomeRow;
  if (!req.caller_writes) {
    await syncOutcomes(core);
    return view(core, find(core, req.campaign_id) ?? row);
  }
  // The caller's write carries this rev; a later change (a release, a fallback) is a new rev
  // this object writes itself. A write the caller could not make is retried by asking again.
  rows(core).exec('UPDATE campaign_outcomes SET synced_rev = max(synced_rev, ?) WHERE campaign_id = ?', row.rev, req.campaign_id);
  return view(core, row);
}

/** This recipient's outcome for a campaign, if their object has one (null: never reached here). */
export function outcomeFor(core: Core, campaignId: string): CampaignOutcome | null {
  const row = find(core, campaignId);
  return row ? view(core, row) : null;
}

/** After a timer moved a campaign message (release, retry, fallback): its new outcome, to D1. */
export async function afterCampaignMessage(core: Core, messageId: string): Promise<void> {
  const message = core.store.message(messageId);
  const own = message?.fallback_of ? core.store.message(message.fallback_of) : message;
  if (!own?.campaign_id || !find(core, own.campaign_id)) return;
  update(core, own.campaign_id, outcomeOf(core, own));
  await syncOutcomes(core);
}

type OutcomeWrite = CampaignOutcome & { campaign_id: string };

/** Upserts outcomes; an older `rev` never overwrites a newer one. */
export async function writeOutcomes(env: Env, outcomes: readonly OutcomeWrite[]): Promise<void> {
  if (!outcomes.length) return;
  const now = new Date().toISOString();
  await env.DB.batch(
    outcomes.map((o) =>
      env.DB.prepare(
        `INSERT INTO campaign_recipients (campaign_id, phone, outcome, reason, channel, message_id, variant, held_until, rev, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (campaign_id, phone) DO UPDATE SET outcome = excluded.outcome, reason = excluded.reason, channel = excluded.channel,
           message_id = excluded.message_id, held_until = excluded.held_until, rev = excluded.rev, updated_at = excluded.updated_at
         WHERE excluded.rev > campaign_recipients.rev`,
      ).bind(
        o.campaign_id,
        o.phone,
        o.outcome,
        o.reason ?? null,
        o.channel ?? null,
        o.message_id ?? null,
        o.variant,
        o.held_until ?? null,
        o.rev,
        now,
      ),
    ),
  );
}

/** Writes every outcome D1 has not acknowledged; on failure the mark stays and the alarm retries. */
export async function syncOutcomes(core: Core): Promise<void> {
  await core.settleAlarm();
  try {
    for (;;) {
      const pending = rows(core)
        .exec<OutcomeRow>('SELECT * FROM campaign_outcomes WHERE synced_rev < rev ORDER BY updated_at LIMIT ?', SYNC_BATCH)
        .toArray();
      if (!pending.length) break;
      await writeOutcomes(
        core.env,
        pending.map((r) => ({ ...view(core, r), campaign_id: r.campaign_id })),
      );
      // The rev written, not the current one: a change made during the write stays marked.
      for (const r of pending) rows(core).exec('UPDATE campaign_outcomes SET synced_rev = ? WHERE campaign_id = ?', r.rev, r.campaign_id);
    }
    core.store.deleteTimer('campaign_sync');
  } catch (err) {
    console.error('campaign outcome write failed; retrying from the alarm', err);
    core.store.addTimer('campaign_sync', core.now() + SYNC_RETRY_MS, {}, 'campaign_sync');
    await core.scheduleAlarm();
  }
}
