// The scheduler (wrangler.toml `crons`, the Worker's `scheduled` handler): a scheduled campaign
// whose time has come starts, once, however many sweeps see it; a future one and one already
// started are left alone.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import type { CampaignTask } from '../../schemas/campaigns';
import { handleCampaignBatch } from '../../worker/campaigns/fanout';
import worker from '../../worker/index';
import { campaign, campaignMessages, createCampaign, makeRecipients, quiet, waitFor } from './helpers';

const used: string[] = [];
afterAll(async () => quiet(used), 60_000);

/** Beyond the queue's 12-hour delay: only the scheduler can start these. */
const IN_13_HOURS = () => new Date(Date.now() + 13 * 3_600_000).toISOString();

/** The env the handler runs with, its queue recording what it was given. */
function recording() {
  const sent: CampaignTask[] = [];
  const queue = {
    send: async (body: CampaignTask) => void sent.push(body),
    sendBatch: async (msgs: Iterable<{ body: CampaignTask }>) => void sent.push(...[...msgs].map((m) => m.body)),
  };
  return { sent, env: { ...env, CAMPAIGN_QUEUE: queue as unknown as Queue } as Env };
}

async function sweep(on: Env): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), on, ctx);
  await waitOnExecutionContext(ctx);
}

const setSendAt = (id: string, at: string) => env.DB.prepare('UPDATE campaigns SET send_at = ? WHERE id = ?').bind(at, id).run();

describe('campaign scheduler (cron)', () => {
  it('starts a due campaign once over two sweeps, and leaves future and already started campaigns alone', async () => {
    const [due, future, started] = [await makeRecipients(3), await makeRecipients(2), await makeRecipients(2)];
    used.push(...due, ...future, ...started);
    const dueId = await createCampaign({ profiles: due, send_at: IN_13_HOURS() });
    const futureId = await createCampaign({ profiles: future, send_at: IN_13_HOURS() });
    const startedId = await createCampaign({ profiles: started });
    await waitFor(startedId, (c) => c.status === 'sent');
    await setSendAt(dueId, new Date(Date.now() - 60_000).toISOString());

    // Two sweeps before the queue delivers anything: one start, one page message.
    const q = recording();
    await sweep(q.env);
    await sweep(q.env);
    const mine = q.sent.filter((t) => [dueId, futureId, startedId].includes(t.campaign_id));
    expect(mine).toEqual([{ kind: 'page', campaign_id: dueId, after: null }]);
    const afterSweeps = await campaign(dueId);
    expect(afterSweeps.status).toBe('sending');
    expect(afterSweeps.started_at).not.toBeNull();
    expect(await campaign(futureId)).toMatchObject({ status: 'scheduled', started_at: null });

    // The one page through the real consumer: each recipient of the due campaign gets one message.
    const page = { id: 'p1', timestamp: new Date(), attempts: 1, body: mine[0], ack: () => {}, retry: () => {} };
    await handleCampaignBatch({ queue: 'rcs-campaign-fanout', messages: [page] } as unknown as MessageBatch<unknown>, env);
    const done = await waitFor(dueId, (c) => c.status === 'sent');
    expect(done.counts).toMatchObject({ recipients: 3, sent: 3 });
    expect(done.started_at).toBe(afterSweeps.started_at);
    for (const phone of due) expect(await campaignMessages(phone, dueId)).toHaveLength(1);
    for (const phone of future) expect(await campaignMessages(phone, futureId)).toHaveLength(0);
    for (const phone of started) expect(await campaignMessages(phone, startedId)).toHaveLength(1);

    // A third sweep, with everything settled, starts nothing.
    const later = recording();
    await sweep(later.env);
    expect(later.sent.filter((t) => [dueId, futureId, startedId].includes(t.campaign_id))).toEqual([]);
  }, 60_000);
});
