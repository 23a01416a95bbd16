/**
 * Sign-in throttling. Every attempt is counted BEFORE its password is checked, in one atomic
 * upsert per request, so a burst of parallel guesses cannot all slip through while the first
 * ones are being verified. Three fixed windows of `WINDOW_MS`, each starting at its key's
 * first attempt, so any lock-out ends on its own (an attacker cannot extend it):
 *  - per account and address: a mistyping user is stopped after a few tries;
 *  - per address (any account): password spraying from one address;
 *  - per account (all addresses): guessing one password from many addresses. It only counts
 *    attempts that passed the other two limits, so one address alone cannot lock an account
 *    for everybody.
 * A successful sign-in clears its account-and-address counter and gives back what it took
 * from the other two (a success is not a guess).
 */

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccountAndAddress: 5,
  perAddress: 50,
  perAccount: 20,
} as const;

export interface SignInAttempt {
  /** Keys whose counts include this attempt; needed to clear or give it back. */
  keys: { accountAddress: string; address: string; account: string };
  windowStart: Record<string, number>;
}

export type AttemptVerdict = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterSeconds: number };

interface CountRow {
  key: string;
  count: number;
  window_start: number;
}

const UPSERT = `INSERT INTO login_throttle (key, count, window_start) VALUES (?1, 1, ?4), (?2, 1, ?4), (?3, 1, ?4)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN window_start <= ?5 THEN 1 ELSE count + 1 END,
    window_start = CASE WHEN window_start <= ?5 THEN ?4 ELSE window_start END
  RETURNING key, count, window_start`;

/** Counts one attempt for `email` from `address` and says whether it may be checked. */
export async function recordAttempt(db: D1Database, email: string, address: string, now = Date.now()): Promise<AttemptVerdict> {
  const keys = { accountAddress: `account_ip|${email}|${address}`, address: `ip|${address}`, account: `account|${email}` };
  const { results } = await db
    .prepare(UPSERT)
    .bind(keys.accountAddress, keys.address, keys.account, now, now - SIGN_IN_LIMITS.windowMs)
    .all<CountRow>();
  const rows = new Map(results.map((r) => [r.key, r]));
  const row = (key: string) => rows.get(key) ?? { key, count: 1, window_start: now };
  const retryAfter = (r: CountRow) => Math.max(1, Math.ceil((r.window_start + SIGN_IN_LIMITS.windowMs - now) / 1000));

  const local = [
    [row(keys.accountAddress), SIGN_IN_LIMITS.perAccountAndAddress],
    [row(keys.address), SIGN_IN_LIMITS.perAddress],
  ] as const;
  const account = row(keys.account);
  const overLocal = local.filter(([r, max]) => r.count > max).map(([r]) => r);
  if (overLocal.length) {
    // Refused before reaching the account: give its count back, so one address cannot lock
    // the account for everyone.
    await giveBack(db, [account]);
    return { allowed: false, retryAfterSeconds: Math.max(...overLocal.map(retryAfter)) };
  }
  if (account.count > SIGN_IN_LIMITS.perAccount) return { allowed: false, retryAfterSeconds: retryAfter(account) };
  return {
    allowed: true,
    attempt: { keys, windowStart: Object.fromEntries([...rows.values()].map((r) => [r.key, r.window_start])) },
  };
}

/** Undoes one count of each row, as long as its window has not been restarted since. */
function giveBack(db: D1Database, rows: readonly CountRow[]): Promise<unknown> {
  return db.batch(
    rows.map((r) =>
      db
        .prepare('UPDATE login_throttle SET count = count - 1 WHERE key = ? AND window_start = ? AND count > 0')
        .bind(r.key, r.window_start),
    ),
  );
}

/** After a correct password: this account and address start afresh. */
export async function clearAttempt(db: D1Database, attempt: SignInAttempt): Promise<void> {
  const { keys, windowStart } = attempt;
  await Promise.all([
    db.prepare('DELETE FROM login_throttle WHERE key = ?').bind(keys.accountAddress).run(),
    giveBack(
      db,
      [keys.address, keys.account].map((key) => ({ key, count: 0, window_start: windowStart[key] ?? 0 })),
    ),
  ]);
}

/** Windows that ended no longer count; dropping them keeps the table small. */
export async function pruneAttempts(db: D1Database, now = Date.now()): Promise<void> {
  await db
    .prepare('DELETE FROM login_throttle WHERE window_start <= ?')
    .bind(now - SIGN_IN_LIMITS.windowMs)
    .run();
}
