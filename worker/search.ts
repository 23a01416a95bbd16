/**
 * The console's search (the conversation list's box and the ⌘K palette): what D1 finds for
 * words, handed to the Inbox object, which applies the list's filters and order.
 * - Names and emails: `profile_search` (FTS5 over the directory, accents and case ignored).
 * - Message words: `message_search` (FTS5, appended by each Profile object with its
 *   directory write, from the alarm).
 * - Numbers: matched by the Inbox itself, digits only, anywhere in the number (`phoneDigits`).
 */

/** At most this many conversations found by words (a search is a narrowing, not a listing). */
export const SEARCH_LIMIT = 200;

/**
 * The digits to look for in E.164 numbers, or null when `q` is not a number. A national
 * number's trunk 0 is dropped ("06 39 98 01 91" → "639980191", found in +33639980191).
 */
export function phoneDigits(q: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(q.trim())) return null;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 2) return null;
  return !q.trim().startsWith('+') && digits.startsWith('0') && digits.length > 2 ? digits.replace(/^0+/, '') : digits;
}

/** An FTS5 query: every word of `q` as a prefix ("lea mar" → "lea"* "mar"*); null when no word. */
export function ftsQuery(q: string): string | null {
  const words = q
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** The numbers whose profile (name, email) or messages match every word of `q`. */
export async function searchPhones(db: D1Database, q: string): Promise<string[]> {
  const match = ftsQuery(q);
  if (!match) return [];
  const { results } = await db
    .prepare(
      `SELECT phone FROM profiles WHERE rowid IN (SELECT rowid FROM profile_search WHERE profile_search MATCH ?1 LIMIT ?2)
       UNION
       SELECT phone FROM (SELECT phone FROM message_search WHERE message_search MATCH ?1 LIMIT ?2 * 5)
       LIMIT ?2`,
    )
    .bind(match, SEARCH_LIMIT)
    .all<{ phone: string }>();
  return results.map((r) => r.phone);
}
