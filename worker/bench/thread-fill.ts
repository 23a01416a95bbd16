/**
 * Benchmark fixture for one Profile: grows its thread to `count` realistic messages (customer
 * texts, taps on card buttons, agent RCS text with chips, RCS cards and carousels, SMS
 * fallbacks, private notes), each with its status history and offered suggestions, so the
 * console benchmark opens a real 10,000-message thread from SQLite. Part of the bench build
 * only (worker/bench/index.ts): `POST /bench/thread`.
 */
import type { Content } from '../../schemas/content';
import { withPostbacks } from '../profile/postbacks';
import type { Store } from '../profile/store';
import type { ThreadRows } from '../profile/store-bulk';

/** Rows per bulk insert (and per transaction). */
const CHUNK = 500;
/** Five minutes between messages: 10,000 messages span about five weeks. */
const STEP_MS = 5 * 60_000;

type Row = ThreadRows['messages'][number];

const CUSTOMER = [
  'Hi, where is my order #{n}?',
  'Can I change the delivery address for #{n}?',
  'Do you have this in a size M?',
  'Thanks, received it today!',
  'The parcel says delivered but I have nothing',
  'Is the sale still on this weekend?',
];
const AGENT = [
  'Your order #{n} left our warehouse this morning.',
  'Done: the new address is saved for #{n}.',
  'Yes, size M is back in stock.',
  'Glad to hear it! Anything else I can do?',
  'I have opened a claim with the carrier for #{n}.',
];

/** The message at position `i` of the thread (0 = oldest), outbound content with its postbacks. */
function build(i: number, last: boolean, id: string, prevOut: { id: string; postback: string; text: string } | null) {
  const order = String(10_000 + (i % 9_000));
  const fill = (s: string) => s.replace('{n}', order);
  const r = i % 10;
  // Customer side: texts, and a tap on the previous outbound message's first button.
  // The newest message is always the customer's: the conversation is waiting on an agent.
  if (last || r === 0 || r === 3 || r === 6)
    return {
      kind: 'in' as const,
      channel: i % 4 === 0 ? ('sms' as const) : ('rcs' as const),
      text: `${fill(CUSTOMER[i % CUSTOMER.length]!)} (${i + 1})`,
    };
  if (r === 8 && prevOut) return { kind: 'tap' as const, text: prevOut.text, postback: prevOut.postback, in_reply_to: prevOut.id };
  if (r === 9) return { kind: 'note' as const, text: `Note ${i + 1}: customer asked about #${order} before` };
  let content: Content;
  if (r === 2)
    content = {
      type: 'card',
      card: {
        title: `Order #${order} is on its way`,
        description: `Arriving Thursday. Parcel ${i + 1} of your orders.`,
        buttons: [
          { type: 'reply', text: 'Track my parcel' },
          { type: 'url', text: 'Order details', url: `https://shop.example.com/orders/${order}` },
        ],
      },
    };
  else if (r === 5)
    content = {
      type: 'carousel',
      cards: [1, 2, 3].map((k) => ({
        title: `New season pick ${k}`,
        description: `Offer ${i + 1}, -20% this week`,
        buttons: [{ type: 'reply' as const, text: 'I want it' }],
      })),
      suggestions: [{ type: 'reply', text: 'Stop', postback: 'STOP' }],
    };
  else
    content = {
      type: 'text',
      text: `${fill(AGENT[i % AGENT.length]!)} (${i + 1})`,
      suggestions: [
        { type: 'reply', text: 'Thanks' },
        { type: 'reply', text: 'Talk to an agent' },
      ],
    };
  const { content: sent, offered } = withPostbacks(content, id);
  // Every fourth outbound went by SMS (no RCS, or RCS fallback): the body is the text.
  const sms = i % 4 === 1;
  return { kind: 'out' as const, content: sent, offered, sms, purpose: r === 5 ? 'marketing' : r === 2 ? 'transactional' : 'support' };
}

/** Grows the thread to `count` messages (no-op when already there). Returns the thread size and latest message. */
export function fillThreadForBench(
  store: Store,
  phone: string,
  count: number,
  now: number,
): { messages: number; latest: { id: string; text: string } | null } {
  store.ensureProfile(phone);
  const have = store.messageCount();
  const start = now - count * STEP_MS;
  let prevOut: { id: string; postback: string; text: string } | null = null;
  for (let from = have; from < count; from += CHUNK) {
    const rows: Row[] = [];
    const history: ThreadRows['history'] = [];
    const suggestions: ThreadRows['suggestions'] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const id = `bench-${i}-${crypto.randomUUID()}`;
      const at = start + i * STEP_MS;
      const m = build(i, i === count - 1, id, prevOut);
      const base = {
        id,
        purpose: null,
        content: null,
        text: null,
        postback: null,
        in_reply_to: null,
        author: null,
        provider_message_id: null,
        fallback_of: null,
        fallback_reason: null,
        created_at: at,
        updated_at: at,
      };
      if (m.kind === 'in') {
        rows.push({
          ...base,
          direction: 'in',
          channel: m.channel,
          kind: 'message',
          status: 'received',
          text: m.text,
          provider_message_id: `prov-${id}`,
        });
        history.push({ message_id: id, status: 'received', at, reason: null });
      } else if (m.kind === 'tap') {
        rows.push({
          ...base,
          direction: 'in',
          channel: 'rcs',
          kind: 'tap',
          status: 'received',
          text: m.text,
          postback: m.postback,
          in_reply_to: m.in_reply_to,
        });
        history.push({ message_id: id, status: 'received', at, reason: null });
      } else if (m.kind === 'note') {
        rows.push({
          ...base,
          direction: 'out',
          channel: 'rcs',
          purpose: 'system',
          kind: 'note',
          status: 'received',
          text: m.text,
          author: 'bench-agent',
        });
        history.push({ message_id: id, status: 'received', at, reason: 'internal note (never sent)' });
      } else {
        const text =
          m.content.type === 'text'
            ? m.content.text
            : m.content.type === 'card'
              ? `${m.content.card.title ?? ''}: ${m.content.card.description ?? ''}`
              : 'New season picks, -20% this week';
        rows.push({
          ...base,
          direction: 'out',
          channel: m.sms ? 'sms' : 'rcs',
          purpose: m.purpose,
          kind: 'message',
          status: 'read',
          content: JSON.stringify(m.content),
          text: m.sms ? text : null,
          author: m.purpose === 'support' ? 'bench-agent' : null,
          provider_message_id: `prov-${id}`,
          fallback_reason: m.sms ? 'not RCS-capable' : null,
          updated_at: at + 60_000,
        });
        for (const [k, status] of (['queued', 'sent', 'delivered', 'read'] as const).entries())
          history.push({ message_id: id, status, at: at + k * 20_000, reason: null });
        for (const s of m.offered)
          suggestions.push({ message_id: id, idx: s.idx, postback: s.postback, type: s.type, text: s.text, url: s.url });
        const first = m.offered[0];
        if (first && !m.sms) prevOut = { id, postback: first.postback, text: first.text };
      }
    }
    store.insertThread({ messages: rows, history, suggestions });
  }
  const total = store.messageCount();
  const last = store.page(null, 1).rows[0];
  return { messages: total, latest: last ? { id: last.id, text: last.text ?? '' } : null };
}
