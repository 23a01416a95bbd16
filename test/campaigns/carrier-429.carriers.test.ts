// A carrier's "slow down" during a campaign, end to end against the Google RBM fake (this file
// runs in the carriers project: RCS_PROVIDER=rbm). The fake answers 429 with Retry-After to the
// first batch's sends; the campaign pauses itself (`paused_until`, set by the fan-out from those
// answers), the next batch waits instead of calling the objects, and after the pause every
// recipient is sent to: once each, as the fake counts, with the right outcomes.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import type { CampaignTask } from '../../schemas/campaigns';
import { handleCampaignBatch, SEND_BATCH } from '../../worker/campaigns/fanout';
import { query, requestsFor, script } from '../carriers/helpers';
import { advanceTo } from '../profile/helpers';
import { allRecipients, campaign, createCampaign, makeRecipients, quiet, TUESDAY_10H_PARIS } from './helpers';

const RBM = env.RBM_API_BASE;
/** The adapter's attempts per send (DEFAULT_RETRY): each one answered 429 for the first batch. */
const ATTEMPTS = 4;

const used: string[] = [];
afterAll(async () => quiet(used), 60_000);

/** Runs queue messages through the consumer; the queue it enqueues to records instead of delivering. */
async function consume(bodies: CampaignTask[]) {
  const enqueued: CampaignTask[] = [];
  const queue = {
    send: async (body: CampaignTask) => void enqueued.push(body),
    sendBatch: async (msgs: Iterable<{ body: CampaignTask }>) => void enqueued.push(...[...msgs].map((m) => m.body)),
  };
  const acked: number[] = [];
  const retried: (number | undefined)[] = [];
  const messages = bodies.map((body, i) => ({
    id: `m${i}`,
    timestamp: new Date(),
    attempts: 1,
    body,
    ack: () => acked.push(i),
    retry: (o?: { delaySeconds?: number }) => retried.push(o?.delaySeconds),
  }));
  const batch = { queue: 'rcs-campaign-fanout', messages } as unknown as MessageBatch<unknown>;
  await handleCampaignBatch(batch, { ...env, CAMPAIGN_QUEUE: queue as unknown as Queue } as Env);
  return { enqueued, acked, retried };
}

const posts = async (phone: string) => (await requestsFor(RBM, `/v1/phones/${phone}/agentMessages`)).filter((r) => r.method === 'POST');

describe('campaign and a carrier 429', () => {
  it('pauses on the carrier’s 429, holds the next batch, resumes after, and sends each recipient exactly once', async () => {
    const phones = (await makeRecipients(SEND_BATCH + 5)).sort();
    used.push(...phones);
    const first = phones.slice(0, SEND_BATCH);
    const rest = phones.slice(SEND_BATCH);
    // Every attempt of the first batch's sends meets "429 Too Many Requests, retry after 0 s".
    for (const phone of first)
      await script(
        RBM,
        'POST',
        `/v1/phones/${phone}/agentMessages`,
        Array.from({ length: ATTEMPTS }, () => ({
          status: 429,
          headers: { 'retry-after': '0' },
          body: { error: { code: 429, message: 'Quota exceeded for agent messages', status: 'RESOURCE_EXHAUSTED' } },
        })),
      );
    // Started by hand (no queue message of its own): the queue below is the test's.
    const id = await createCampaign({ profiles: phones, send_at: new Date(Date.now() + 13 * 3_600_000).toISOString() });
    await env.DB.prepare('UPDATE campaigns SET send_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run();

    const page = await consume([{ kind: 'page', campaign_id: id, after: null }]);
    const sends = page.enqueued.filter((t) => t.kind === 'send');
    expect(sends.map((t) => t.recipients.map((r) => r.phone))).toEqual([first, rest]);

    // Batch 1 meets the 429s: its recipients are held for a retry, and the campaign pauses.
    const one = await consume([sends[0]!]);
    expect(one.acked).toEqual([0]);
    const paused = await campaign(id);
    expect(paused.paused_until).not.toBeNull();
    expect(Date.parse(paused.paused_until ?? '')).toBeGreaterThan(Date.now() + 20_000);
    expect(paused.counts).toMatchObject({ held: SEND_BATCH, sent: 0 });
    for (const r of (await allRecipients(id)).filter((x) => first.includes(x.phone)))
      expect(r).toMatchObject({ outcome: 'held', reason: expect.stringMatching(/provider unavailable/) });
    for (const phone of first) expect(await posts(phone)).toHaveLength(ATTEMPTS);

    // Batch 2 arrives during the pause: retried with the pause's delay, no object called.
    const two = await consume([sends[1]!]);
    expect(two.acked).toEqual([]);
    expect(two.retried[0]).toBeGreaterThan(20);
    for (const phone of rest) expect(await posts(phone)).toHaveLength(0);

    // 30 s later (the pause's end, and the held sends' retry time): batch 2 goes, batch 1's retries go.
    await env.DB.prepare('UPDATE campaigns SET paused_until = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run();
    const again = await consume([sends[1]!]);
    expect(again.acked).toEqual([0]);
    for (const phone of first) await advanceTo(phone, TUESDAY_10H_PARIS + 30_000);

    const done = await campaign(id);
    expect(done.status).toBe('sent');
    expect(done.counts).toMatchObject({ recipients: SEND_BATCH + 5, sent: SEND_BATCH + 5, held: 0, failed: 0 });
    for (const r of await allRecipients(id)) expect(r, r.phone).toMatchObject({ outcome: 'sent', channel: 'rcs' });
    // What the carrier saw: one message per recipient (one id), accepted once after the 429s.
    for (const phone of phones) {
      const seen = await posts(phone);
      expect(seen, phone).toHaveLength(first.includes(phone) ? ATTEMPTS + 1 : 1);
      expect(new Set(seen.map((r) => query(r).messageId)).size, phone).toBe(1);
    }
  }, 120_000);
});
