// The Inbox hears per-message thread events only for conversations already surfaced: a
// marketing send to a never-contacted profile stays out of the Inbox (no conversation, no
// thread event), while a customer's message surfaces it and later status ticks follow.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../schemas/messages';
import { advanceTo, profile, setClock, subscribe, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

interface InboxEvent {
  type: string;
  message?: MessageView;
}

/** Everything the Inbox recorded (and broadcast) about this phone, oldest first. */
async function inboxEvents(phone: string): Promise<InboxEvent[]> {
  return runInDurableObject(env.INBOX.getByName('main'), (_inbox, state) =>
    state.storage.sql
      .exec<{ payload: string }>('SELECT payload FROM events WHERE phone = ? ORDER BY seq', phone)
      .toArray()
      .map((r) => JSON.parse(r.payload) as InboxEvent),
  );
}

describe('the Inbox', () => {
  it('hears nothing of a marketing send to a never-contacted profile, then follows the thread once the customer writes', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    const promo = await profile(phone).send(phone, { purpose: 'marketing', content: text('New collection') });
    expect(promo).toMatchObject({ ok: true, status: 'sent' });
    // Its delivery receipt arrives too.
    await advanceTo(phone, TUESDAY_10H_PARIS + 60_000);
    expect(await inboxEvents(phone)).toEqual([]);
    expect(await env.INBOX.getByName('main').get(phone)).toBeNull();

    await setClock(phone, TUESDAY_10H_PARIS + 120_000);
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: 'in-1',
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'Do you ship to Lyon?',
    });
    expect(await env.INBOX.getByName('main').get(phone)).toMatchObject({ phone, preview: 'Do you ship to Lyon?' });

    const reply = await profile(phone).send(phone, { purpose: 'transactional', content: text('Yes, in 2 days') });
    if (!reply.ok) throw new Error('send refused');
    await advanceTo(phone, TUESDAY_10H_PARIS + 300_000);
    const statuses = (await inboxEvents(phone))
      .filter((e) => e.type === 'message' && e.message?.id === reply.id)
      .map((e) => e.message?.status);
    expect(statuses).toEqual(['sent', 'delivered']);
  });
});
