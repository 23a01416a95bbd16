/**
 * `/api/conversations`: the agents' inbox. Glues the Inbox object (the list projection:
 * status, assignee, labels, unread, snooze) to each customer's Profile object (the thread,
 * replies, notes, consent, recording a customer's sentence as their opt-out). Every signed-in
 * role reads; only agents and admins write (marketers get a read-only inbox).
 */
import { Hono } from 'hono';
import { phoneDigits, searchPhones } from '../../search';
import type { ConversationSummary } from '../../../schemas/console';
import {
  AgentConsentSchema,
  type ConversationDetail,
  type ConversationList,
  ConversationListQuerySchema,
  ConversationPatchSchema,
  type MessagePageView,
  MessagePageQuerySchema,
  NoteSchema,
  type RecordedOptOut,
  RecordOptOutSchema,
  type ReplyAccepted,
  ReplySchema,
} from '../../../schemas/console-api';
import type { MessageView } from '../../../schemas/messages';
import type { ProfileView } from '../../../schemas/profile';
import { canWriteInbox, type ConsoleEnv } from '../../auth/session';
import { consentRefused, HttpError } from '../../errors';
import { decodeCursor, inboxStub } from '../../inbox.do';
import { personaliseReply } from '../../templates/reply';
import { jsonBody, phoneParam, query } from '../validate';

const profileOf = (env: Env, phone: string) => env.PROFILE.getByName(phone);

/** How many recent profile events the panel shows. */
const PANEL_EVENTS = 20;
/** Colour given to a label created on the fly by a PATCH. */
export const DEFAULT_LABEL_COLOR = '#6b7280';

/** A row for a customer the inbox has not surfaced yet (e.g. reached only by campaigns). */
function placeholderSummary(profile: ProfileView): ConversationSummary {
  const name = [profile.first_name, profile.last_name].filter(Boolean).join(' ') || null;
  return {
    phone: profile.phone,
    name,
    status: 'open',
    assignee: null,
    labels: [],
    channel: profile.rcs.capable ? 'rcs' : 'sms',
    preview: '',
    last_direction: 'out',
    last_activity_at: profile.updated_at,
    unread: 0,
    snoozed_until: null,
    flagged: false,
  };
}

const write = canWriteInbox();

export const conversations = new Hono<ConsoleEnv>()
  .get('/', query(ConversationListQuerySchema), async (c) => {
    const q = c.req.valid('query');
    if (q.cursor && !decodeCursor(q.cursor)) {
      throw new HttpError(400, 'invalid_request', 'cursor: is not a cursor this server returned', [
        { path: 'cursor', message: 'unknown cursor' },
      ]);
    }
    const page = await inboxStub(c.env).list({
      tab: q.tab,
      userId: c.var.user.id,
      status: q.status,
      channel: q.channel,
      label: q.label,
      q: q.q,
      phones: q.q && !phoneDigits(q.q) ? await searchPhones(c.env.DB, q.q) : undefined,
      cursor: q.cursor,
      limit: q.limit ?? 50,
    });
    return c.json(page satisfies ConversationList);
  })
  .get('/:phone', phoneParam(), async (c) => {
    const { phone } = c.req.valid('param');
    const profileStub = profileOf(c.env, phone);
    const [conversation, profile] = await Promise.all([inboxStub(c.env).get(phone), profileStub.get(phone)]);
    if (!profile) throw new HttpError(404, 'not_found', `No customer ${phone}.`);
    const [consentLog, events] = await Promise.all([profileStub.consentLog(phone), profileStub.recentEvents(phone, PANEL_EVENTS)]);
    const summary = conversation ?? placeholderSummary(profile);
    return c.json({ conversation: summary, profile, consent_log: consentLog, events, labels: summary.labels } satisfies ConversationDetail);
  })
  .get('/:phone/messages', phoneParam(), query(MessagePageQuerySchema), async (c) => {
    const { phone } = c.req.valid('param');
    const q = c.req.valid('query');
    const page = await profileOf(c.env, phone).listMessages(phone, { cursor: q.cursor ?? null, limit: q.limit ?? 50 });
    if (page.error === 'invalid_cursor') {
      const message = 'must be a cursor returned as next_cursor';
      throw new HttpError(400, 'invalid_request', `cursor: ${message}`, [{ path: 'cursor', message }]);
    }
    return c.json({ messages: page.messages, next_cursor: page.next_cursor } satisfies MessagePageView);
  })
  .post('/:phone/messages', write, phoneParam(), jsonBody(ReplySchema), async (c) => {
    const { phone } = c.req.valid('param');
    const input = c.req.valid('json');
    const stub = profileOf(c.env, phone);
    // `{{ first_name }}` in a reply: rendered with this customer (worker/templates/reply.ts).
    const reply = await personaliseReply(phone, input.content, input.fallback_text, () => stub.get(phone));
    const outcome = await stub.send(phone, {
      purpose: 'support',
      content: reply.content,
      fallback_text: reply.fallbackText,
      author: c.var.user.id,
    });
    if (!outcome.ok) throw new HttpError(422, outcome.error, outcome.message);
    return c.json({ id: outcome.id, status: outcome.status, channel: outcome.channel } satisfies ReplyAccepted, 202);
  })
  .post('/:phone/notes', write, phoneParam(), jsonBody(NoteSchema), async (c) => {
    const { phone } = c.req.valid('param');
    const { text } = c.req.valid('json');
    const note = await profileOf(c.env, phone).addNote(phone, text, c.var.user.id);
    return c.json(note satisfies MessageView, 201);
  })
  .patch('/:phone', write, phoneParam(), jsonBody(ConversationPatchSchema), async (c) => {
    const { phone } = c.req.valid('param');
    const patch = c.req.valid('json');
    if (patch.snooze && 'until' in patch.snooze && Date.parse(patch.snooze.until) <= Date.now()) {
      throw new HttpError(400, 'invalid_request', 'snooze.until: must be in the future', [
        { path: 'snooze.until', message: 'must be in the future' },
      ]);
    }
    if (patch.assignee) {
      const user = await c.env.DB.prepare("SELECT 1 AS one FROM users WHERE id = ? AND disabled = 0 AND role IN ('admin', 'agent')")
        .bind(patch.assignee)
        .first();
      if (!user) {
        throw new HttpError(400, 'invalid_request', 'assignee: must be an active agent or admin', [
          { path: 'assignee', message: 'unknown user' },
        ]);
      }
    }
    if (patch.labels?.length) {
      // Labels typed by an agent become part of the label list (with a neutral colour).
      const now = new Date().toISOString();
      await c.env.DB.batch(
        patch.labels.map((name) =>
          c.env.DB.prepare('INSERT OR IGNORE INTO labels (name, color, created_at) VALUES (?, ?, ?)').bind(name, DEFAULT_LABEL_COLOR, now),
        ),
      );
    }
    const updated = await inboxStub(c.env).update(phone, patch);
    if (!updated) throw new HttpError(404, 'not_found', `No conversation with ${phone} yet.`);
    return c.json(updated satisfies ConversationSummary);
  })
  .post('/:phone/read', write, phoneParam(), async (c) => {
    const { phone } = c.req.valid('param');
    await inboxStub(c.env).markRead(phone);
    await profileOf(c.env, phone).agentEvent(phone, 'read');
    return c.body(null, 204);
  })
  .post('/:phone/typing', write, phoneParam(), async (c) => {
    const { phone } = c.req.valid('param');
    await profileOf(c.env, phone).agentEvent(phone, 'typing');
    return c.body(null, 204);
  })
  .post('/:phone/consent', write, phoneParam(), jsonBody(AgentConsentSchema), async (c) => {
    const { phone } = c.req.valid('param');
    const input = c.req.valid('json');
    const result = await profileOf(c.env, phone).setConsent(phone, {
      purpose: input.purpose,
      status: input.status,
      source: 'agent',
      text: input.reason,
      actor: c.var.user.id,
    });
    if ('error' in result) throw consentRefused(result, () => 'status');
    return c.json(result satisfies ProfileView);
  })
  .post('/:phone/opt-out', write, phoneParam(), jsonBody(RecordOptOutSchema), async (c) => {
    const { phone } = c.req.valid('param');
    const { message_id } = c.req.valid('json');
    const outcome = await profileOf(c.env, phone).recordOptOut(phone, message_id, c.var.user.id);
    if (!outcome.ok && outcome.error === 'not_found') throw new HttpError(404, 'not_found', outcome.message);
    if (!outcome.ok) {
      throw new HttpError(400, 'invalid_request', outcome.message, [
        { path: 'message_id', message: 'must be a text message the customer sent' },
      ]);
    }
    return c.json({ changed: outcome.changed, profile: outcome.profile } satisfies RecordedOptOut);
  });
