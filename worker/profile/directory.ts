/**
 * What one directory write sends D1: the profile's row in `profiles` (with the figures
 * segments test: country, order count, total, average, first and last order) and a batch of
 * its events D1 does not have yet (`profile_events`), as one D1 batch (a transaction). The
 * caller clears those events' marks only once the batch succeeded; a repeat is harmless
 * (`ON CONFLICT DO NOTHING`), so an event is written at least once and stored once.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { iso } from '../lib/time';
import type { Store } from './store';

/** Events per directory write; a longer backlog continues in the next write, at once. */
export const EVENTS_PER_WRITE = 64;
/** Rows per INSERT: 6 values each stays under D1's 100 bound values per statement. */
const EVENT_ROWS_PER_STATEMENT = 16;

/** ISO 3166 country of an E.164 number, or null when the plan does not say (shared codes). */
export function countryOf(phone: string): string | null {
  return parsePhoneNumberFromString(phone)?.country ?? null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface DirectoryWrite {
  statements: D1PreparedStatement[];
  /** Events in this write: their marks are cleared once it succeeded. */
  eventIds: string[];
}

/** The statements of the next directory write, or null when there is no profile yet. */
export function directoryWrite(db: D1Database, store: Store, now: number, country: string | null): DirectoryWrite | null {
  const view = store.profileView();
  const p = store.profile();
  if (!view || !p) return null;
  const orders = store.events.orderFigures();
  const row = db
    .prepare(
      `INSERT INTO profiles (phone, first_name, last_name, email, locale, timezone, properties, marketing, transactional, rcs_capable,
         last_activity, created_at, updated_at, country, orders_count, total_spent, average_order, first_order_at, last_order_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (phone) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
         locale = excluded.locale, timezone = excluded.timezone, properties = excluded.properties, marketing = excluded.marketing,
         transactional = excluded.transactional, rcs_capable = excluded.rcs_capable, last_activity = excluded.last_activity,
         updated_at = excluded.updated_at, country = excluded.country, orders_count = excluded.orders_count,
         total_spent = excluded.total_spent, average_order = excluded.average_order, first_order_at = excluded.first_order_at,
         last_order_at = excluded.last_order_at`,
    )
    .bind(
      view.phone,
      view.first_name,
      view.last_name,
      view.email,
      view.locale,
      view.timezone,
      JSON.stringify(view.properties),
      view.consent.marketing.status,
      view.consent.transactional.status,
      p.rcs_capable,
      p.last_activity_at === null ? null : iso(p.last_activity_at),
      view.created_at,
      iso(now),
      country,
      orders.count,
      round2(orders.total),
      orders.count > 0 ? round2(orders.total / orders.count) : null,
      orders.first === null ? null : iso(orders.first),
      orders.last === null ? null : iso(orders.last),
    );
  const statements = [row];
  const events = store.events.unmirrored(EVENTS_PER_WRITE);
  for (let i = 0; i < events.length; i += EVENT_ROWS_PER_STATEMENT) {
    const chunk = events.slice(i, i + EVENT_ROWS_PER_STATEMENT);
    statements.push(
      db
        .prepare(
          `INSERT INTO profile_events (phone, id, name, value, properties, at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (phone, id) DO NOTHING`,
        )
        .bind(...chunk.flatMap((e) => [view.phone, e.id, e.name, e.value, e.properties, e.at])),
    );
  }
  return { statements, eventIds: events.map((e) => e.id) };
}
