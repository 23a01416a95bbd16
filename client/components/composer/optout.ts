/**
 * Whether the composer may reply to this customer, from the profile the thread already has:
 * the Worker's consent gate (docs/compliance.md) seen ahead of Send. Replies are refused after
 * an opt-out unless the customer wrote again since, within the 24-hour care window.
 */
import type { ProfileView } from '../../../schemas/profile';

export const CARE_WINDOW_MS = 24 * 3600e3;
/** An opt-out this recent is told as "replied STOP n minutes ago". */
const RECENT_MS = 3600e3;

export type ReplyState =
  | { kind: 'open' }
  /** Opted out, but wrote again since: replies allowed until `until`. */
  | { kind: 'care'; until: string }
  /** Replies refused; `recent`: the customer's own STOP minutes ago. */
  | { kind: 'blocked'; byCustomer: boolean; recentMinutes: number | null; since: string | null; source: string | null };

export function replyState(p: ProfileView | null | undefined, now = Date.now()): ReplyState {
  const c = p?.consent.transactional;
  if (!p || !c || c.status !== 'unsubscribed') return { kind: 'open' };
  const at = c.updated_at ? Date.parse(c.updated_at) : 0;
  const last = p.last_inbound_at ? Date.parse(p.last_inbound_at) : null;
  if (last !== null && last > at && now - last < CARE_WINDOW_MS)
    return { kind: 'care', until: new Date(last + CARE_WINDOW_MS).toISOString() };
  const byCustomer = c.opted_out_by_customer === true;
  const recent = byCustomer && at && now - at < RECENT_MS ? Math.max(1, Math.round((now - at) / 60e3)) : null;
  return { kind: 'blocked', byCustomer, recentMinutes: recent, since: c.updated_at, source: c.source };
}
