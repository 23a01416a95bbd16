// What the Profile object decides at the moment a campaign reaches a recipient, and again when
// a held recipient is released: quiet hours, STOP, cancel, the frequency cap's two modes.
import { runDurableObjectAlarm } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../api/helpers';
import {
  allRecipients,
  campaign,
  campaignMessages,
  createCampaign,
  MONDAY_8H_PARIS,
  makeRecipients,
  profile,
  quiet,
  SUNDAY_PARIS,
  setClock,
  TUESDAY_10H_PARIS,
  waitFor,
} from './helpers';

const used: string[] = [];
afterAll(async () => quiet(used), 60_000);

async function release(phones: readonly string[], at: number): Promise<void> {
  for (const phone of phones) {
    await setClock(phone, at);
    await runDurableObjectAlarm(profile(phone));
  }
}

const stop = (phone: string) => ({
  provider: 'sandbox' as const,
  type: 'message' as const,
  phone,
  id: `stop-${phone}`,
  at: new Date().toISOString(),
  channel: 'sms' as const,
  text: 'STOP',
});

describe('campaign recipients at release', () => {
  it('holds quiet-hour recipients until their local morning, then sends, unless they sent STOP meanwhile', async () => {
    const phones = await makeRecipients(3, { clock: SUNDAY_PARIS });
    used.push(...phones);
    const id = await createCampaign({ profiles: phones });
    const held = await waitFor(id, (c) => c.counts.held === 3);
    expect(held.status).toBe('sending');
    for (const r of await allRecipients(id)) {
      expect(r).toMatchObject({ outcome: 'held', held_until: new Date(MONDAY_8H_PARIS).toISOString() });
      expect(r.reason).toMatch(/quiet hours/);
    }
    // One of them writes STOP on Sunday evening.
    await profile(phones[0]!).ingest(stop(phones[0]!));

    await release(phones, MONDAY_8H_PARIS - 1_000);
    expect((await campaign(id)).counts.held).toBe(3);
    await release(phones, MONDAY_8H_PARIS);

    const done = await waitFor(id, (c) => c.status === 'sent');
    expect(done.counts).toMatchObject({ recipients: 3, sent: 2, skipped: 1, held: 0 });
    const rows = new Map((await allRecipients(id)).map((r) => [r.phone, r]));
    expect(rows.get(phones[0]!)).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(/opted out before release/) });
    expect(await campaignMessages(phones[0]!, id)).toMatchObject([{ status: 'skipped' }]);
    for (const phone of phones.slice(1)) expect((await campaignMessages(phone, id)).map((m) => m.status)).not.toContain('held');
  }, 60_000);

  it('refuses, at send time, a recipient who sent STOP after the campaign was created', async () => {
    const phones = await makeRecipients(2);
    used.push(...phones);
    await profile(phones[0]!).ingest(stop(phones[0]!));
    const id = await createCampaign({ profiles: phones });
    const done = await waitFor(id, (c) => c.status === 'sent');
    expect(done.counts).toMatchObject({ sent: 1, refused: 1 });
    expect(await campaignMessages(phones[0]!, id)).toHaveLength(0);
  }, 60_000);

  it('gives nothing to held recipients once the campaign is cancelled', async () => {
    const phones = await makeRecipients(3, { clock: SUNDAY_PARIS });
    used.push(...phones);
    const id = await createCampaign({ profiles: phones });
    await waitFor(id, (c) => c.counts.held === 3);
    const res = await api('POST', `/v1/campaigns/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, status: 'cancelled' });

    await release(phones, MONDAY_8H_PARIS);
    const after = await waitFor(id, (c) => c.counts.cancelled === 3);
    expect(after).toMatchObject({ status: 'cancelled', counts: { sent: 0, held: 0, cancelled: 3 } });
    for (const phone of phones) expect((await campaignMessages(phone, id)).map((m) => m.status)).toEqual(['skipped']);
  }, 60_000);

  it('sends nothing for a scheduled campaign cancelled before its time', async () => {
    const phones = await makeRecipients(2);
    used.push(...phones);
    const id = await createCampaign({ profiles: phones, send_at: new Date(Date.now() + 3_000).toISOString() });
    expect((await campaign(id)).status).toBe('scheduled');
    expect((await api('POST', `/v1/campaigns/${id}/cancel`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5_000));
    const after = await campaign(id);
    expect(after).toMatchObject({ status: 'cancelled', counts: { recipients: 0, sent: 0 } });
    for (const phone of phones) expect(await campaignMessages(phone, id)).toHaveLength(0);
    expect((await api('POST', `/v1/campaigns/${id}/cancel`)).status).toBe(200);
  }, 60_000);

  it('skips a recipient the frequency cap stops in "skip" mode, and sends when it allows in "defer" mode', async () => {
    const [skipped, deferred] = await makeRecipients(2);
    used.push(skipped!, deferred!);
    // Each had a marketing message an hour before (cap: 24 h by default).
    for (const phone of [skipped!, deferred!]) {
      const out = await profile(phone).send(phone, { purpose: 'marketing', content: { type: 'text', text: 'Earlier promo' } });
      expect(out).toMatchObject({ ok: true });
      await setClock(phone, TUESDAY_10H_PARIS + 3_600_000);
    }
    const skip = await createCampaign({ profiles: [skipped], cap_mode: 'skip' });
    const defer = await createCampaign({ profiles: [deferred], cap_mode: 'defer' });
    expect((await waitFor(skip, (c) => c.status === 'sent')).counts).toMatchObject({ skipped: 1, sent: 0 });
    await waitFor(defer, (c) => c.counts.held === 1);
    const [held] = await allRecipients(defer);
    expect(held).toMatchObject({ outcome: 'held', held_until: new Date(TUESDAY_10H_PARIS + 24 * 3_600_000).toISOString() });
    expect(held?.reason).toMatch(/frequency cap/);

    await release([deferred!], TUESDAY_10H_PARIS + 24 * 3_600_000);
    expect((await waitFor(defer, (c) => c.status === 'sent')).counts).toMatchObject({ sent: 1, held: 0, skipped: 0 });
  }, 60_000);
});
