// Which campaign taps reach the one Inbox object: opening the campaign's link is a metric and
// never does; a "Talk to someone" reply (or any text) surfaces the conversation for an agent.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { campaignMessages, createCampaign, makeRecipients, profile, quiet, waitFor } from './helpers';

const used: string[] = [];
afterAll(async () => quiet(used), 60_000);

const inboxEvents = (phone: string) =>
  runInDurableObject(
    env.INBOX.getByName('main'),
    (_inbox, state) => state.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM events WHERE phone = ?', phone).one().n,
  );

describe('campaign taps and the Inbox', () => {
  it('keeps a link tap out of the Inbox and surfaces a "Talk to someone" reply', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const id = await createCampaign({
      profiles: [phone],
      content: {
        type: 'card',
        card: {
          title: 'The new collection',
          media: { url: 'https://cdn.example.com/collection.jpg' },
          buttons: [{ type: 'url', text: 'See the collection', url: 'https://shop.example.com/new' }],
        },
        suggestions: [{ type: 'reply', text: 'Talk to someone' }],
      },
    });
    await waitFor(id, (c) => c.status === 'sent');
    const [sent] = await campaignMessages(phone!, id);
    const card = sent?.content?.type === 'card' ? sent.content : null;
    const link = card?.card.buttons?.[0]?.postback;
    const talk = card?.suggestions?.find((s) => s.text === 'Talk to someone')?.postback;
    if (!link || !talk) throw new Error('no postbacks on the campaign message');
    const tap = {
      provider: 'sandbox' as const,
      type: 'tap' as const,
      phone: phone!,
      at: new Date().toISOString(),
      channel: 'rcs' as const,
    };

    await profile(phone!).ingest({ ...tap, id: 'tap-link', kind: 'action', postback: link, text: 'See the collection' });
    expect(await inboxEvents(phone!)).toBe(0);
    expect(await env.INBOX.getByName('main').get(phone!)).toBeNull();
    // Still recorded in the customer's thread.
    expect((await profile(phone!).listMessages(phone!)).messages.some((m) => m.kind === 'tap' && m.postback === link)).toBe(true);

    await profile(phone!).ingest({ ...tap, id: 'tap-talk', kind: 'reply', postback: talk, text: 'Talk to someone' });
    expect(await env.INBOX.getByName('main').get(phone!)).toMatchObject({ phone, preview: 'Talk to someone' });
  }, 60_000);
});
