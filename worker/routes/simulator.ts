/**
 * `/api/simulator` (server side of the console's phone simulator) and `/api/brand`. The
 * simulator lists the sandbox's phones (the D1 profiles directory, with each phone's mode),
 * switches a phone between RCS, SMS-only and RCS-offline, shows a phone's thread as the
 * customer sees it, and performs the customer's actions (reply, tap, typing) through the
 * sandbox's ingestion, the path of a signed `/webhooks/sandbox` callback. Sessions and CSRF come
 * from the `/api/*` gate mounted in worker/index.ts; acting as a phone (and switching its mode)
 * needs the agent or admin role, and the console user is recorded as the actor of what the
 * phone did (a START typed here is logged as that user's, not the customer's). Only while both
 * providers are the sandbox: a simulated phone must never speak for a real customer.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import type { MessageStatus, MessageView } from '../../schemas/messages';
import type { BrandView } from '../../schemas/settings';
import { SandboxModeSchema, type SimulatedPhone, type SimulatedPhoneList } from '../../schemas/simulator';
import { requireRole, type ConsoleEnv } from '../auth/session';
import { HttpError } from '../errors';
import { defaultSandboxMode, forgetSandboxModes, sandboxMode, type SandboxMode } from '../providers/sandbox/provider';
import { ingestSandbox, sandboxEnabled } from '../providers/sandbox/webhook';
import { readSettings } from '../settings';
import { jsonBody, limitBody, phoneParam, query } from './validate';

const ListQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(500))),
});
const PageQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
});
const ModeBody = v.strictObject({ mode: SandboxModeSchema });
const ActionBody = v.variant(
  'type',
  [
    v.strictObject({
      type: v.literal('reply'),
      text: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(1600)),
    }),
    v.strictObject({
      type: v.literal('tap'),
      message_id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      postback: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
      text: v.pipe(v.string(), v.maxLength(200)),
      /** A reply chip, or an action button (open URL, dial...). */
      kind: v.optional(v.picklist(['reply', 'action']), 'reply'),
    }),
    v.strictObject({ type: v.literal('typing') }),
  ],
  'type must be "reply", "tap" or "typing"',
);

/** Outbound statuses under which the message is on the customer's phone. */
const ON_PHONE: ReadonlySet<MessageStatus> = new Set(['sent', 'delivered', 'read']);

/** What the customer's phone shows: their own messages, and ours that reached it (no notes). */
export function customerSees(m: MessageView): boolean {
  if (m.kind === 'note') return false;
  return m.direction === 'in' || ON_PHONE.has(m.status);
}

async function storedModes(env: Env, phones: string[]): Promise<Map<string, SandboxMode>> {
  if (phones.length === 0) return new Map();
  // One bound parameter per phone (D1 allows 100 per statement; the list is paged below that).
  const modes = new Map<string, SandboxMode>();
  for (let i = 0; i < phones.length; i += 90) {
    const chunk = phones.slice(i, i + 90);
    const { results } = await env.DB.prepare(`SELECT phone, mode FROM sandbox_phones WHERE phone IN (${chunk.map(() => '?').join(',')})`)
      .bind(...chunk)
      .all<{ phone: string; mode: SandboxMode }>();
    for (const r of results) modes.set(r.phone, r.mode);
  }
  return modes;
}

/** The directory stores times as ISO text or epoch milliseconds; the API speaks ISO. */
function isoOrNull(value: string | number | null): string | null {
  if (value === null) return null;
  const date = new Date(typeof value === 'number' || /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Acting as a customer's phone: not for marketers, who read conversations only. */
const canAct = requireRole('admin', 'agent');

export const simulator = new Hono<ConsoleEnv>()
  .use(async (c, next) => {
    if (!sandboxEnabled(c.env))
      throw new HttpError(404, 'sandbox_off', 'The phone simulator needs the sandbox network (RCS_PROVIDER and SMS_PROVIDER = sandbox).');
    await next();
  })
  .use(limitBody(64 * 1024))
  .get('/phones', query(ListQuery), async (c) => {
    const listQuery = c.req.valid('query');
    const like = listQuery.q ? `%${listQuery.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    const { results } = await c.env.DB.prepare(
      `SELECT phone, first_name, last_name, last_activity FROM profiles
       WHERE ?1 IS NULL OR phone LIKE ?1 ESCAPE '\\' OR (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) LIKE ?1 ESCAPE '\\'
       ORDER BY last_activity IS NULL, last_activity DESC, phone LIMIT ?2`,
    )
      .bind(like, listQuery.limit ?? 200)
      .all<{ phone: string; first_name: string | null; last_name: string | null; last_activity: string | number | null }>();
    const modes = await storedModes(
      c.env,
      results.map((r) => r.phone),
    );
    const phones: SimulatedPhone[] = results.map((r) => {
      const stored = modes.get(r.phone);
      const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || null;
      return {
        phone: r.phone,
        name,
        mode: stored ?? defaultSandboxMode(r.phone),
        default_mode: stored === undefined,
        last_activity_at: isoOrNull(r.last_activity),
      };
    });
    return c.json({ phones } satisfies SimulatedPhoneList, 200);
  })
  .put('/phones/:phone', canAct, phoneParam(), jsonBody(ModeBody), async (c) => {
    const { phone } = c.req.valid('param');
    const { mode } = c.req.valid('json');
    await c.env.DB.prepare('INSERT INTO sandbox_phones (phone, mode) VALUES (?, ?) ON CONFLICT (phone) DO UPDATE SET mode = excluded.mode')
      .bind(phone, mode)
      .run();
    forgetSandboxModes();
    return c.json({ phone, mode, default_mode: false }, 200);
  })
  .get('/phones/:phone/messages', phoneParam(), query(PageQuery), async (c) => {
    const { phone } = c.req.valid('param');
    const pageQuery = c.req.valid('query');
    const [page, mode] = await Promise.all([
      c.env.PROFILE.getByName(phone).listMessages(phone, { cursor: pageQuery.cursor ?? null, limit: pageQuery.limit }),
      sandboxMode(c.env, phone),
    ]);
    return c.json({ phone, mode, messages: page.messages.filter(customerSees), next_cursor: page.next_cursor }, 200);
  })
  .post('/phones/:phone/actions', canAct, phoneParam(), jsonBody(ActionBody), async (c) => {
    const { phone } = c.req.valid('param');
    const action = c.req.valid('json');
    const mode = await sandboxMode(c.env, phone);
    // An SMS-only phone has no buttons to tap and reports no typing.
    if (mode === 'sms' && action.type !== 'reply') {
      throw new HttpError(409, 'sms_only_phone', `${phone} is SMS-only in the sandbox: it can only reply with text.`);
    }
    const channel = mode === 'sms' ? 'sms' : 'rcs';
    const result = await ingestSandbox(
      c.env,
      action.type === 'reply'
        ? { type: 'message', phone, channel, text: action.text }
        : action.type === 'tap'
          ? { type: 'tap', phone, channel, postback: action.postback, text: action.text, message_id: action.message_id, kind: action.kind }
          : { type: 'typing', phone, channel },
      { actor: c.var.user.id },
    );
    return c.json({ ok: true, channel, result: { ok: true, duplicate: result.duplicate } }, 200);
  });

/** `GET /api/brand`: how the brand appears on the customer's phone (RCS header) and in the console. */
export const brand = new Hono<ConsoleEnv>().get('/', async (c) => {
  const settings = await readSettings(c.env);
  return c.json(
    { name: settings.brand_name, logo_url: settings.logo_url, color: settings.color, currency: settings.currency } satisfies BrandView,
    200,
  );
});
