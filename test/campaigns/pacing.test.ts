// Pacing: with a send rate set, the fan-out spreads the send batches at that rate (queue
// delays) and the campaign says when it should finish; after a carrier asked to slow down,
// later batches wait (retried with the pause's delay) instead of calling the Profile objects.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { handleCampaignBatch } from '../../worker/campaigns/fanout';
import { campaign, createCampaign, recipientPhone } from './helpers';

function recorder() {
  const sent: { body: unknown; delaySeconds?: number }[] = [];
  const queue = {
    send: async (body: unknown, opts?: { delaySeconds?: number }) => void sent.push({ body, ...opts }),
    sendBatch: async (msgs: Iterable<{ body: unknown; delaySeconds?: number }>) => void sent.push(...msgs),
  };
  return { sent, env: { ...env, CAMPAIGN_QUEUE: queue as unknown as Queue } as Env };
}

function batchOf(body: unknown) {
  const calls: { ack: number; retry: { delaySeconds?: number }[] } = { ack: 0, retry: [] };
  const message = {
    id: 'm1',
    timestamp: new Date(),
    attempts: 1,
    body,
    ack: () => void calls.ack++,
    retry: (o?: { delaySeconds?: number }) => void calls.retry.push(o ?? {}),
  };
  return { batch: { queue: 'rcs-campaign-fanout', messages: [message] } as unknown as MessageBatch<unknown>, calls };
}

/** A campaign due now, paced at `sms` messages per second, whose own queue message is an hour away. */
async function pacedCampaign(n: number, sms: number): Promise<string> {
  const phones = Array.from({ length: n }, () => recipientPhone());
  const id = await createCampaign({ profiles: phones, send_at: new Date(Date.now() + 3_600_000).toISOString() });
  await env.DB.prepare('UPDATE campaigns SET pace_sms = ?, pace_rcs = 0, send_at = ? WHERE id = ?')
    .bind(sms, new Date(Date.now() - 1000).toISOString(), id)
    .run();
  return id;
}

describe('campaign pacing', () => {
  it('spreads 45 recipients at 2 messages per second: batches 10 s apart, finish expected 22.5 s after the start', async () => {
    const id = await pacedCampaign(45, 2);
    const q = recorder();
    const { batch, calls } = batchOf({ kind: 'page', campaign_id: id, after: null });
    await handleCampaignBatch(batch, q.env);
    expect(calls.ack).toBe(1);
    expect(q.sent.map((m) => [(m.body as { recipients: unknown[] }).recipients.length, m.delaySeconds ?? 0])).toEqual([
      [20, 0],
      [20, 10],
      [5, 20],
    ]);
    const c = await campaign(id);
    expect(c.status).toBe('sending');
    expect(c.pace).toEqual({ rcs: 0, sms: 2 });
    expect(Date.parse(c.expected_finish_at ?? '') - Date.parse(c.started_at ?? '')).toBe(22_500);
  });

  it('sends no unpaced batch with a delay', async () => {
    const id = await pacedCampaign(25, 0);
    const q = recorder();
    await handleCampaignBatch(batchOf({ kind: 'page', campaign_id: id, after: null }).batch, q.env);
    expect(q.sent.map((m) => m.delaySeconds)).toEqual([undefined, undefined]);
  });

  it('holds later batches back while a carrier asked to slow down', async () => {
    const id = await pacedCampaign(1, 0);
    await env.DB.prepare("UPDATE campaigns SET status = 'sending', paused_until = ? WHERE id = ?")
      .bind(new Date(Date.now() + 60_000).toISOString(), id)
      .run();
    const phone = recipientPhone();
    const { batch, calls } = batchOf({ kind: 'send', campaign_id: id, recipients: [{ phone, variant: 'a' }] });
    await handleCampaignBatch(batch, env);
    expect(calls.ack).toBe(0);
    expect(calls.retry).toHaveLength(1);
    expect(calls.retry[0]?.delaySeconds).toBeGreaterThan(50);
    expect(calls.retry[0]?.delaySeconds).toBeLessThanOrEqual(60);
    expect((await campaign(id)).paused_until).not.toBeNull();
    expect((await env.PROFILE.getByName(phone).listMessages(phone)).messages).toHaveLength(0);
  });
});
