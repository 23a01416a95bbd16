/**
 * Marketing frequency cap, "smart sending" (docs/compliance.md, "Frequency cap"): a marketing message is skipped,
 * not delayed, when the profile already received one within the window (default 24 hours).
 */

/**
 * True when a marketing message sent at `lastMarketingAt` (ISO 8601) is less than
 * `windowHours` before `now`, so the new one must be skipped. No previous send, or an
 * unreadable timestamp, never caps (the skip would otherwise be silent and permanent).
 */
export function frequencyCapped(lastMarketingAt: string | null, now: Date, windowHours = 24): boolean {
  if (!lastMarketingAt || windowHours <= 0) return false;
  const last = Date.parse(lastMarketingAt);
  if (Number.isNaN(last)) return false;
  return now.getTime() - last < windowHours * 3600 * 1000;
}
