/**
 * Whether console sessions are still alive, by row id: the rule `loadSession` applies to every
 * request (not disabled, before the absolute expiry, used within the idle window), for what
 * holds a session without a request: the Inbox's open WebSockets.
 */

/** A session unused for this long ends (sliding window). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** No session outlives this, however active. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export function sessionExpired(row: { disabled: number; expires_at: number; last_seen_at: number }, now: number): boolean {
  return Boolean(row.disabled) || now >= row.expires_at || now - row.last_seen_at >= SESSION_IDLE_MS;
}

/**
 * Which of these session ids are alive now (existing, not expired, user not disabled); null
 * when D1 could not answer (the caller keeps what it has and checks later).
 */
export async function liveSessions(db: D1Database, ids: readonly string[], now = Date.now()): Promise<Set<string> | null> {
  const alive = new Set<string>();
  try {
    // D1 takes at most 100 bound parameters per statement.
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const { results } = await db
        .prepare(
          `SELECT s.id, s.expires_at, s.last_seen_at, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id IN (${chunk.map(() => '?').join(', ')})`,
        )
        .bind(...chunk)
        .all<{ id: string; disabled: number; expires_at: number; last_seen_at: number }>();
      for (const row of results) if (!sessionExpired(row, now)) alive.add(row.id);
    }
    return alive;
  } catch (err) {
    console.warn('session check failed; the sockets stay open until the next check', err);
    return null;
  }
}
