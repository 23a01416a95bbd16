/**
 * The signup form's rate limit, before any Profile is reached: per visitor address (one
 * person trying many numbers) and per number (many addresses trying one). Fixed windows
 * counted in one atomic upsert, like the sign-in throttle. The Profile itself sends at most
 * one confirmation request a day whatever gets through.
 */
export const SIGNUP_LIMITS = { windowMs: 60 * 60 * 1000, perAddress: 5, perPhone: 3 } as const;

const UPSERT = `INSERT INTO signup_throttle (key, count, window_start) VALUES (?1, 1, ?3), (?2, 1, ?3)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN window_start <= ?4 THEN 1 ELSE count + 1 END,
    window_start = CASE WHEN window_start <= ?4 THEN ?3 ELSE window_start END
  RETURNING key, count`;

/** Counts one signup of `phone` from `address`; false when either is over its limit. */
export async function signupAllowed(db: D1Database, address: string, phone: string, now = Date.now()): Promise<boolean> {
  const ipKey = `ip|${address}`;
  const phoneKey = `phone|${phone}`;
  const { results } = await db
    .prepare(UPSERT)
    .bind(ipKey, phoneKey, now, now - SIGNUP_LIMITS.windowMs)
    .all<{ key: string; count: number }>();
  const count = (key: string) => results.find((r) => r.key === key)?.count ?? 1;
  // Old windows no longer count; dropping them now and then keeps the table small.
  if (Math.random() < 0.05)
    await db
      .prepare('DELETE FROM signup_throttle WHERE window_start <= ?')
      .bind(now - SIGNUP_LIMITS.windowMs)
      .run();
  return count(ipKey) <= SIGNUP_LIMITS.perAddress && count(phoneKey) <= SIGNUP_LIMITS.perPhone;
}
