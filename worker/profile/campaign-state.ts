/**
 * What the send path asks of a campaign, apart from sending it (worker/profile/campaign.ts):
 * the recipient's outcome row, the campaign's frequency-cap mode, and whether it was cancelled
 * before a held message is released. A leaf, so the send path and the campaign code do not
 * import each other.
 */
import type { CapMode } from '../../schemas/campaign-view';
import type { Core } from './core';
import type { MessageRow } from './store';

export const CANCELLED_REASON = 'campaign cancelled before release';

export interface OutcomeRow extends Record<string, SqlStorageValue> {
  campaign_id: string;
  message_id: string | null;
  variant: string;
  cap_mode: string;
  outcome: string;
  reason: string | null;
  channel: string | null;
  held_until: number | null;
  rev: number;
  synced_rev: number;
  updated_at: number;
}

export const rows = (core: Core) => core.store.sql;

export function find(core: Core, campaignId: string): OutcomeRow | null {
  return rows(core).exec<OutcomeRow>('SELECT * FROM campaign_outcomes WHERE campaign_id = ?', campaignId).toArray()[0] ?? null;
}

/** The cap mode of the campaign a message belongs to ('skip' for any other message). */
export function capModeOf(core: Core, message: Pick<MessageRow, 'campaign_id'>): CapMode {
  if (!message.campaign_id) return 'skip';
  return find(core, message.campaign_id)?.cap_mode === 'defer' ? 'defer' : 'skip';
}

/**
 * At release of a held campaign message: has its campaign been cancelled since? D1 is the
 * truth for that; when it cannot be read the release waits (never sends on a guess).
 */
export async function campaignCancelled(core: Core, campaignId: string): Promise<boolean | 'unknown'> {
  await core.settleAlarm();
  try {
    const row = await core.env.DB.prepare('SELECT status FROM campaigns WHERE id = ?').bind(campaignId).first<{ status: string }>();
    return row?.status === 'cancelled';
  } catch (err) {
    console.error('campaign status read failed', err);
    return 'unknown';
  }
}
