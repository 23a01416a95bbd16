/**
 * Segments: who a campaign reaches, answered by the D1 profile directory (a mirror of the
 * Profile objects; each Profile re-checks consent when it sends). This module is the one
 * entry point the campaign fan-out uses: it pages a segment's members by phone, so a segment
 * of any size is read in bounded pages and never loaded whole.
 *
 * The definitions' grammar, its compiler to SQL and saved segments are built in this folder;
 * until then every definition means "every profile in the directory".
 */

export interface SavedSegment {
  id: string;
  name: string;
  /** The JSON definition (schemas/segments.ts once it exists). */
  definition: unknown;
}

export interface MemberPage {
  /** E.164 numbers in ascending order. */
  phones: string[];
  /** Pass back as `after` for the next page; null when this was the last one. */
  next: string | null;
}

/** A saved segment, or null when there is no such id. */
export async function loadSegment(env: Env, id: string): Promise<SavedSegment | null> {
  void env;
  void id;
  return null;
}

/** One page of members with a phone greater than `after`, in phone order. */
export async function segmentPage(env: Env, definition: unknown, after: string | null, limit: number): Promise<MemberPage> {
  void definition;
  const rows = await env.DB.prepare('SELECT phone FROM profiles WHERE phone > ? ORDER BY phone LIMIT ?')
    .bind(after ?? '', limit + 1)
    .all<{ phone: string }>();
  const phones = rows.results.slice(0, limit).map((r) => r.phone);
  return { phones, next: rows.results.length > limit ? (phones.at(-1) ?? null) : null };
}

/** How many profiles the definition matches now. */
export async function segmentCount(env: Env, definition: unknown): Promise<number> {
  void definition;
  const row = await env.DB.prepare('SELECT count(*) AS n FROM profiles').first<{ n: number }>();
  return row?.n ?? 0;
}

/** Why a matched profile would not receive a send of that purpose. */
export type ExclusionReason = 'unsubscribed' | 'not_subscribed';

export interface AudienceBreakdown {
  /** Profiles the definition matches. */
  matched: number;
  /** Of those, how many the directory says may receive a send of that purpose now. */
  reachable: number;
  /** The rest, by reason. */
  excluded: Record<ExclusionReason, number>;
}

/**
 * Who of a segment a send would reach, and why the others would not, as the directory sees
 * it (each Profile object re-checks at release). Shown before a campaign is sent.
 */
export async function audienceBreakdown(env: Env, definition: unknown, purpose: 'marketing' | 'transactional'): Promise<AudienceBreakdown> {
  void purpose;
  const matched = await segmentCount(env, definition);
  return { matched, reachable: matched, excluded: { unsubscribed: 0, not_subscribed: 0 } };
}
