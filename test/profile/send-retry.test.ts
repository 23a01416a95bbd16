// A transient provider failure ('unavailable') is retried by the Profile's timers with
// backoff, under the SAME message id (the provider's idempotency key), a bounded number of
// times; the last failure leaves the message `failed` with the reason.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { SendResult, SmsSendRequest } from '../../worker/providers/types';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, TUESDAY_10H_PARIS, text, timers, uniquePhone } from './helpers';

/** An SMS provider that answers 'unavailable' `failures` times, then accepts; records each call's id. */
async function flakySms(phone: string, failures: number): Promise<string[]> {
  const calls: string[] = [];
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.smsOverride = {
      name: 'twilio',
      send: async (req: SmsSendRequest): Promise<SendResult> => {
        calls.push(req.id);
        if (calls.length <= failures) return { ok: false, kind: 'unavailable', message: 'HTTP 503' };
        return { ok: true, providerMessageId: `SM-${req.id}`, channel: 'sms' };
      },
    };
  });
  return calls;
}

/** Runs the alarm at each pending retry timer, `rounds` times. */
async function runRetries(phone: string, rounds: number): Promise<number[]> {
  const delays: number[] = [];
  let now = TUESDAY_10H_PARIS;
  for (let i = 0; i < rounds; i++) {
    const retry = (await timers(phone)).find((t) => t.kind === 'retry');
    if (!retry) break;
    delays.push(retry.due_at - now);
    // Not a second early.
    await advanceTo(phone, retry.due_at - 1_000);
    expect((await timers(phone)).some((t) => t.kind === 'retry')).toBe(true);
    now = retry.due_at;
    await advanceTo(phone, now);
  }
  return delays;
}

describe('a transient provider failure', () => {
  it('is retried with growing delays under the same message id until it is sent', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const calls = await flakySms(phone, 2);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is 1234') });
    expect(out).toMatchObject({ ok: true, status: 'queued' });
    if (!out.ok) throw new Error('send refused');

    const delays = await runRetries(phone, 10);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(delays[0] ?? Infinity);
    expect(calls).toEqual([out.id, out.id, out.id]);
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: out.id, status: 'sent' });
    expect((await timers(phone)).some((t) => t.kind === 'retry')).toBe(false);
  });

  it('gives up after a bounded number of attempts and leaves the message failed with the reason', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const calls = await flakySms(phone, 1_000);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is 1234') });
    if (!out.ok) throw new Error('send refused');

    await runRetries(phone, 20);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(new Set(calls)).toEqual(new Set([out.id]));
    const [m] = await messages(phone);
    expect(m).toMatchObject({ id: out.id, status: 'failed' });
    expect(m?.history.at(-1)?.reason).toMatch(/unavailable.*HTTP 503/);
    expect(await timers(phone)).toEqual([]);
  });
});
