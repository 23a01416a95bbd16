// Shared helpers for the results suites: unique sources and phones, and touches and orders
// written straight into D1 (the attribution reads them as the Profile objects write them).
import { env } from 'cloudflare:workers';
import type { TouchKind } from '../../schemas/results';

let n = 0;
export const uniqueSource = (prefix = 'camp') =>
  `${prefix}_${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A unique US number in the fictional 555-01xx ranges' style (valid E.164 shape; attribution does not parse it). */
export const uniqueNumber = () => `+1999${String(Date.now() % 1e6).padStart(6, '0')}${String(n++ % 100).padStart(2, '0')}`;

export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-03-10T12:00:00Z');

export async function touch(
  source: string,
  message: string,
  phone: string,
  kind: TouchKind,
  at: number,
  channel: 'rcs' | 'sms' = 'rcs',
): Promise<void> {
  await env.DB.prepare('INSERT INTO touches (message_id, kind, source_id, phone, channel, at) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(message, kind, source, phone, channel, at)
    .run();
}

export async function order(id: string, phone: string, value: number, at: number): Promise<void> {
  await env.DB.prepare("INSERT INTO orders (order_id, phone, value, currency, at, items) VALUES (?, ?, ?, 'EUR', ?, '[]')")
    .bind(id, phone, value, at)
    .run();
}

export const WINDOWS = { click_hours: 120, read_hours: 24, delivery_hours: 12 };
