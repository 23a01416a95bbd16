// A campaign's fan-out over the local Queue: each consented recipient gets exactly one message,
// whatever the queue redelivers; the others get an outcome saying why not.
import { afterAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { handleCampaignBatch, handleDeadLetters, PAGE_SIZE } from '../../worker/campaigns/fanout';
import {
  allRecipients,
  campaign,
  campaignMessages,
  createCampaign,
  makeRecipients,
  profile,
  quiet,
  recipientPhone,
  waitFor,
} from './helpers';

const used: string[] = [];
afterAll(async () => quiet(used), 120_000);

/** A MessageBatch as the Queue hands it to the consumer, recording what the handler did. */
function batchOf(bodies: unknown[], attempts = 2) {
  const acked: number[] = [];
  const retried: number[] = [];
  const messages = bodies.map((body, i) => ({
    id: `redelivered-${i}`,
    timestamp: new Date(),
    attempts,
    body,
    ack: () => acked.push(i),
    retry: () => retried.push(i),
  }));
  const batch = { queue: 'rcs-campaign-fanout', messages, ackAll: () => {}, retryAll: () => {} } as unknown as MessageBatch<unknown>;
  return { batch, acked, retried };
}

describe('campaign fan-out', () => {
  // Two pages of the audience (PAGE_SIZE + 20 recipients) is what this proves: paging hands on
  // exactly, and every recipient gets one outcome. It used to run 1,000 recipients (~74 s of
  // `npm test`); 10,000 and more are the benchmark's (`npm run bench -- campaign`, with a read-back
  // of every recipient's object).
  const TOTAL = PAGE_SIZE + 20;
  const NEVER = Math.round(TOTAL / 10);
  it(`reaches exactly the ${TOTAL - NEVER} consented of ${TOTAL} recipients (two pages) once each, and refuses the other ${NEVER}`, async () => {
    // The real clock: a fan-out this long may outlive an object's frozen clock (see makeRecipients).
    const consented = await makeRecipients(TOTAL - NEVER, { clock: 'real' });
    const never = await makeRecipients(NEVER, { subscribed: false, clock: 'real' });
    used.push(...consented, ...never);
    const id = await createCampaign({ profiles: [...consented, ...never] });

    const done = await waitFor(id, (c) => c.status === 'sent', 240_000);
    expect(done.counts).toMatchObject({ recipients: TOTAL, sent: TOTAL - NEVER, refused: NEVER, skipped: 0, held: 0, cancelled: 0 });
    expect(done.by_channel.rcs.sent + done.by_channel.sms.sent).toBe(TOTAL - NEVER);
    const pages = await env.DB.prepare('SELECT count(*) AS n FROM campaign_pages WHERE campaign_id = ?').bind(id).first<{ n: number }>();
    expect(pages?.n).toBe(2);

    const rows = await allRecipients(id);
    expect(rows).toHaveLength(TOTAL);
    const byPhone = new Map(rows.map((r) => [r.phone, r]));
    for (const phone of consented) expect(byPhone.get(phone)?.outcome).toBe('sent');
    for (const phone of never)
      expect(byPhone.get(phone)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/marketing_not_subscribed/) });

    // What the customers actually received: one message each for the consented, none for the rest.
    const everyone = [...consented, ...never];
    for (let i = 0; i < TOTAL; i += 100) {
      const counts = await Promise.all(everyone.slice(i, i + 100).map(async (p) => [p, (await campaignMessages(p, id)).length] as const));
      for (const [phone, n] of counts) expect(n, phone).toBe(consented.includes(phone) ? 1 : 0);
    }
  }, 300_000);

  it('sends nothing twice when a batch is delivered again after it was handled', async () => {
    const phones = await makeRecipients(30);
    used.push(...phones);
    const id = await createCampaign({ profiles: phones });
    const first = await waitFor(id, (c) => c.status === 'sent');
    expect(first.counts.sent).toBe(30);

    const again = batchOf([
      { kind: 'send', campaign_id: id, recipients: phones.slice(0, 20).map((phone) => ({ phone, variant: 'a' })) },
      { kind: 'send', campaign_id: id, recipients: phones.slice(20).map((phone) => ({ phone, variant: 'a' })) },
      { kind: 'page', campaign_id: id, after: null },
    ]);
    await handleCampaignBatch(again.batch, env);
    expect(again.acked.sort()).toEqual([0, 1, 2]);

    const after = await campaign(id);
    expect(after.counts).toEqual(first.counts);
    for (const phone of phones) expect(await campaignMessages(phone, id)).toHaveLength(1);
  }, 120_000);

  it("keeps a send task until D1 has its recipients' outcomes: a failed write retries it, the retry sends nothing again", async () => {
    const phones = await makeRecipients(8);
    used.push(...phones);
    // Started by hand (its own queue message is 12 h away): the tasks below are the test's.
    const id = await createCampaign({ profiles: phones, send_at: new Date(Date.now() + 13 * 3_600_000).toISOString() });
    await env.DB.prepare("UPDATE campaigns SET status = 'sending', started_at = ?, paging_done = 1 WHERE id = ?")
      .bind(new Date().toISOString(), id)
      .run();
    const task = (list: string[]) => ({ kind: 'send', campaign_id: id, recipients: list.map((phone) => ({ phone, variant: 'a' })) });
    // D1 refuses the consumer's write of the outcomes (the objects' own calls still work).
    let refused = 0;
    const db = new Proxy(env.DB, {
      get: (target, key) =>
        key === 'batch'
          ? () => {
              refused++;
              return Promise.reject(new Error('D1_ERROR: simulated outage'));
            }
          : Reflect.get(target, key),
    });
    const outage = new Proxy(env, { get: (target, key) => (key === 'DB' ? db : Reflect.get(target, key)) });
    const retried = phones.slice(0, 5);
    const dead = phones.slice(5);

    const first = batchOf([task(retried), task(dead)]);
    await handleCampaignBatch(first.batch, outage);
    expect(refused).toBe(2);
    expect(first.acked).toEqual([]);
    expect(first.retried.sort()).toEqual([0, 1]);
    expect(await allRecipients(id)).toEqual([]);
    // Each object decided and sent once already.
    for (const phone of phones) expect(await campaignMessages(phone, id)).toHaveLength(1);

    // The queue's retry: each object answers from its stored outcome, and this time D1 takes it.
    const again = batchOf([task(retried)], 3);
    await handleCampaignBatch(again.batch, env);
    expect(again.acked).toEqual([0]);
    // The other task never got through: the dead-letter consumer asks the objects, which had decided.
    const letters = batchOf([task(dead)], 11);
    await handleDeadLetters({ ...letters.batch, queue: 'rcs-campaign-fanout-dlq' } as MessageBatch<unknown>, env);
    expect(letters.acked).toEqual([0]);

    const rows = await allRecipients(id);
    expect(rows.map((r) => [r.phone, r.outcome]).sort()).toEqual(phones.map((phone) => [phone, 'sent']).sort());
    for (const phone of phones) expect(await campaignMessages(phone, id)).toHaveLength(1);
    expect((await campaign(id)).counts).toMatchObject({ recipients: 8, sent: 8, failed: 0 });
  }, 60_000);

  it('records the recipients of a task the queue gave up on as failed, without overwriting what their own object decided', async () => {
    const phones = await makeRecipients(2);
    used.push(...phones);
    const id = await createCampaign({ profiles: phones });
    const first = await waitFor(id, (c) => c.status === 'sent');
    expect(first.counts.sent).toBe(2);
    // A recipient the queue never managed to hand over (every attempt failed) beside one it did.
    const lost = recipientPhone();
    const dead = batchOf([{ kind: 'send', campaign_id: id, recipients: [...phones, lost].map((phone) => ({ phone, variant: 'a' })) }], 11);
    await handleDeadLetters({ ...dead.batch, queue: 'rcs-campaign-fanout-dlq' } as MessageBatch<unknown>, env);
    expect(dead.acked).toEqual([0]);
    const rows = new Map((await allRecipients(id)).map((r) => [r.phone, r]));
    for (const phone of phones) expect(rows.get(phone)?.outcome).toBe('sent');
    expect(rows.get(lost)).toMatchObject({ outcome: 'failed', reason: 'not handed to the recipient after 11 attempts' });
    expect((await campaign(id)).counts).toMatchObject({ sent: 2, failed: 1 });

    // The object's own answer, if it comes after all, replaces the dead letter's.
    await profile(lost).sendCampaign(lost, {
      campaign_id: id,
      variant: 'a',
      content: { type: 'text', text: 'Hi' },
      fallback_text: null,
      cap_mode: 'skip',
    });
    expect((await allRecipients(id)).find((r) => r.phone === lost)).toMatchObject({ outcome: 'refused', reason: 'no such customer' });
  }, 60_000);

  it('gives each recipient of an A/B split one variant, about the chosen share', async () => {
    const phones = await makeRecipients(200, { clock: 'real' });
    used.push(...phones);
    const id = await createCampaign({
      profiles: phones,
      content: { type: 'text', text: 'Variant A' },
      variants: [{ content: { type: 'text', text: 'Variant B' }, share: 30 }],
    });
    const done = await waitFor(id, (c) => c.status === 'sent');
    const b = done.by_variant?.b.recipients ?? 0;
    expect(done.by_variant?.a.recipients).toBe(200 - b);
    expect(b).toBeGreaterThan(30);
    expect(b).toBeLessThan(90);
    const rows = await allRecipients(id);
    for (const r of rows.slice(0, 20)) {
      const [m] = await campaignMessages(r.phone, id);
      const body = m?.content?.type === 'text' ? m.content.text : m?.text;
      expect(body).toContain(r.variant === 'b' ? 'Variant B' : 'Variant A');
    }
  }, 120_000);

  it('renders the template for each recipient', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const id = await createCampaign({ profiles: [phone], content: { type: 'text', text: 'Bonjour {{ first_name | upcase }}' } });
    await waitFor(id, (c) => c.status === 'sent');
    const [m] = await campaignMessages(phone!, id);
    expect(m?.content).toMatchObject({ type: 'text', text: expect.stringContaining('Bonjour CAMILLE') });
  }, 60_000);
});
