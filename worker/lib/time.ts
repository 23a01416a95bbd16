/**
 * Times are stored and sent as ISO 8601 UTC strings with milliseconds (`Date#toISOString`):
 * they sort lexicographically in time order, which the SQL indexes rely on.
 */

/** ISO 8601 UTC of epoch milliseconds (default: now). */
export const iso = (ms: number = Date.now()): string => new Date(ms).toISOString();

/** An ISO time from outside (a carrier's timestamp) normalized to ours, or null when it does not parse. */
export function normalizeIso(raw: string): string | null {
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
