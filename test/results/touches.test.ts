// The touches a Profile object records for a campaign's or a flow's messages (worker/results/
// record.ts): once per message and kind whatever the callbacks do, with the channel the message
// really went out on, never lost when D1 fails, and orders counted once by id.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { sourceMetrics } from '../../worker/results';
import { advanceTo, profile, setClock, setSandboxMode, subscribe, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';
import { uniqueSource } from './helpers';

const T = TUESDAY_10H_PARIS;

async function touchesOf(source: string): Promise<{ message_id: string; kind: string; channel: string; phone: string }[]> {
  const { results } = await env.DB.prepare('SELECT message_id, kind, channel, phone FROM touches WHERE source_id = ? ORDER BY kind')
    .bind(source)
    .all<{ message_id: string; kind: string; channel: string; phone: string }>();
  return results;
}

/** The RCS capability the D1 directory row holds (what segments see). */
async function capableInDirectory(phone: string): Promise<number | null | undefined> {
  const row = await env.DB.prepare('SELECT rcs_capable FROM profiles WHERE phone = ?').bind(phone).first<{ rcs_capable: number | null }>();
  return row?.rcs_capable;
}

async function marketingSend(phone: string, source: string, content: Parameters<ReturnType<typeof profile>['send']>[1]['content']) {
  await subscribe(phone);
  await setClock(phone, T);
  const out = await profile(phone).send(phone, { purpose: 'marketing', content, campaign_id: source });
  if (!out.ok) throw new Error(`send refused: ${out.message}`);
  return out;
}

const status = (phone: string, providerId: string, id: string, s: 'delivered' | 'read') => ({
  provider: 'sandbox' as const,
  type: 'status' as const,
  phone,
  id,
  at: new Date(T).toISOString(),
  channel: 'rcs' as const,
  provider_message_id: providerId,
  status: s,
});

describe('touches of a campaign message', () => {
  it('are recorded once per kind when callbacks are redelivered, under the same or another callback id', async () => {
    const phone = uniquePhone('rcs');
    const source = uniqueSource();
    const out = await marketingSend(phone, source, { type: 'text', text: 'New collection' });
    for (const id of ['cb-1', 'cb-1', 'cb-2']) await profile(phone).ingest(status(phone, out.id, id, 'delivered'));
    for (const id of ['cb-3', 'cb-3', 'cb-4']) await profile(phone).ingest(status(phone, out.id, id, 'read'));
    // The sandbox's own simulated receipts arrive too; then the alarm writes D1.
    await advanceTo(phone, T + 10_000);
    await advanceTo(phone, T + 20_000);
    expect(await touchesOf(source)).toEqual([
      { message_id: out.id, kind: 'delivered', channel: 'rcs', phone },
      { message_id: out.id, kind: 'read', channel: 'rcs', phone },
      { message_id: out.id, kind: 'sent', channel: 'rcs', phone },
    ]);
    const m = await sourceMetrics(env, source);
    expect([m.sent, m.delivered, m.read, m.by_channel.rcs.read, m.by_channel.sms.sent]).toEqual([1, 1, 1, 1, 0]);
  });

  it("go to D1 with the send's directory row: not before a receipt still to come, and by the last alarm before it is due", async () => {
    const phone = uniquePhone('rcs');
    const source = uniqueSource();
    await subscribe(phone);
    await setClock(phone, T);
    expect(await capableInDirectory(phone)).toBeNull();
    const out = await profile(phone).send(phone, {
      purpose: 'marketing',
      content: { type: 'text', text: 'New collection' },
      campaign_id: source,
    });
    if (!out.ok) throw new Error(`send refused: ${out.message}`);
    // The sandbox's receipts, pinned: delivered at 1.5 s, read at 4 s (the write is due at 5 s).
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.store.sql.exec("UPDATE timers SET due_at = ? WHERE kind = 'receipt' AND id LIKE '%:delivered'", T + 1500);
      p.core.store.sql.exec("UPDATE timers SET due_at = ? WHERE kind = 'receipt' AND id LIKE '%:read'", T + 4000);
    });
    // The delivery receipt's alarm: the read receipt comes before the write's time, so nothing yet.
    await advanceTo(phone, T + 2000);
    expect((await profile(phone).get(phone))?.rcs.capable).toBe(true);
    expect(await touchesOf(source)).toEqual([]);
    expect(await capableInDirectory(phone)).toBeNull();
    // The read receipt's alarm: nothing else before 5 s, so it writes now, the directory row (its
    // capability now known) and the three touches together, and leaves no alarm for the write.
    await advanceTo(phone, T + 4000);
    expect(await capableInDirectory(phone)).toBe(1);
    expect((await touchesOf(source)).map((t) => t.kind)).toEqual(['delivered', 'read', 'sent']);
    const left = await runInDurableObject(profile(phone), (p: Profile) => ({
      timers: p.core.store.timers().map((t) => t.kind),
      directory: p.core.store.directoryDueAt(),
    }));
    expect(left).toEqual({ timers: [], directory: null });
  });

  it('records a failure the carrier reports after accepting the message, on its channel', async () => {
    const phone = uniquePhone('sms');
    const source = uniqueSource();
    const out = await marketingSend(phone, source, { type: 'text', text: 'Flash sale' });
    const failed = {
      ...status(phone, out.id, 'cb-f', 'delivered'),
      channel: 'sms' as const,
      status: 'failed' as const,
      error_code: '30003',
    };
    await profile(phone).ingest(failed);
    await profile(phone).ingest({ ...failed, id: 'cb-f2' });
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.store.sql.exec("DELETE FROM timers WHERE kind = 'receipt'");
    });
    await advanceTo(phone, T + 10_000);
    expect((await touchesOf(source)).map((t) => [t.kind, t.channel])).toEqual([
      ['failed', 'sms'],
      ['sent', 'sms'],
    ]);
    expect((await sourceMetrics(env, source)).by_channel.sms.failed).toBe(1);
  });

  it('records nothing for a message that no campaign or flow sent', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, T);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: { type: 'text', text: 'Receipt' } });
    if (!out.ok) throw new Error('send refused');
    await advanceTo(phone, T + 10_000);
    const { results } = await env.DB.prepare('SELECT kind FROM touches WHERE message_id = ?').bind(out.id).all();
    expect(results).toEqual([]);
  });

  it('counts an SMS fallback under its RCS message, on the SMS channel', async () => {
    const phone = uniquePhone('rcs');
    await setSandboxMode(phone, 'rcs_offline');
    const source = uniqueSource();
    const out = await marketingSend(phone, source, { type: 'text', text: 'Back in stock' });
    await advanceTo(phone, T + 300_000); // deadline: revoked, sent as SMS
    await advanceTo(phone, T + 320_000); // the SMS's receipts, then D1
    await advanceTo(phone, T + 340_000);
    expect(await touchesOf(source)).toEqual([
      { message_id: out.id, kind: 'delivered', channel: 'sms', phone },
      { message_id: out.id, kind: 'sent', channel: 'sms', phone },
    ]);
  });

  it('records a tap on its suggestion, a reply after it and a STOP after it', async () => {
    const phone = uniquePhone('rcs');
    const source = uniqueSource();
    const out = await marketingSend(phone, source, {
      type: 'text',
      text: 'VIP preview',
      suggestions: [{ type: 'reply', text: 'I want it' }],
    });
    const base = { provider: 'sandbox' as const, phone, at: new Date(T).toISOString(), channel: 'rcs' as const };
    await profile(phone).ingest({ ...base, type: 'tap', id: 'tap-1', kind: 'reply', text: 'I want it', postback: `m.${out.id}.0` });
    await profile(phone).ingest({ ...base, type: 'tap', id: 'tap-2', kind: 'reply', text: 'I want it', postback: `m.${out.id}.0` });
    await profile(phone).ingest({ ...base, type: 'message', id: 'msg-1', text: 'In blue?' });
    await profile(phone).ingest({ ...base, type: 'message', id: 'msg-2', text: 'STOP' });
    await advanceTo(phone, T + 10_000);
    await advanceTo(phone, T + 20_000);
    const kinds = (await touchesOf(source)).map((t) => t.kind);
    expect(kinds).toEqual(['delivered', 'read', 'replied', 'sent', 'tapped', 'unsubscribed']);
    const m = await sourceMetrics(env, source);
    expect([m.clicked, m.replied, m.unsubscribed]).toEqual([1, 1, 1]);
  });

  it('stays in the object when D1 fails, and reaches D1 once on a later try', async () => {
    const phone = uniquePhone('rcs');
    const source = uniqueSource();
    await subscribe(phone);
    const failing = {
      prepare: (sql: string) => env.DB.prepare(sql),
      batch: () => Promise.reject(new Error('D1 is unavailable')),
    };
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.resultsDb = failing as unknown as D1Database;
    });
    const out = await marketingSend(phone, source, { type: 'text', text: 'Spring sale' });
    await advanceTo(phone, T + 10_000);
    expect(await touchesOf(source)).toEqual([]);
    const pending = await runInDurableObject(profile(phone), (p: Profile) => ({
      outbox: p.core.store.results.pending(100).length,
      retry: p.core.store.timers().find((t) => t.kind === 'results')?.due_at ?? null,
    }));
    expect(pending.outbox).toBeGreaterThan(0);
    expect(pending.retry).toBeGreaterThan(T + 10_000);

    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.resultsDb = null;
    });
    await advanceTo(phone, pending.retry ?? 0);
    expect((await touchesOf(source)).map((t) => [t.message_id, t.kind])).toEqual([
      [out.id, 'delivered'],
      [out.id, 'read'],
      [out.id, 'sent'],
    ]);
    expect(await runInDurableObject(profile(phone), (p: Profile) => p.core.store.results.pending(100).length)).toBe(0);
  });

  it('records a Placed Order once by its id, whatever the repeats', async () => {
    const phone = uniquePhone('sms');
    const orderId = `order-${crypto.randomUUID()}`;
    await setClock(phone, T);
    const event = { phone, name: 'Placed Order', id: orderId, value: 59.5, properties: { currency: 'EUR', items: [{ sku: 'A1' }] } };
    await profile(phone).track(event);
    await profile(phone).track(event);
    await profile(phone).track({ ...event, name: 'Viewed Product', id: `view-${orderId}` });
    await advanceTo(phone, T + 10_000);
    const { results } = await env.DB.prepare('SELECT order_id, phone, value, currency, items FROM orders WHERE phone = ?')
      .bind(phone)
      .all();
    expect(results).toEqual([{ order_id: orderId, phone, value: 59.5, currency: 'EUR', items: '[{"sku":"A1"}]' }]);
  });
});
