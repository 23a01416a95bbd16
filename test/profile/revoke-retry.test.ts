// The fallback deadline when the revoke itself answers 'error': the Profile retries the
// revoke later, a bounded number of times, and sends no SMS until a revoke succeeds (an
// unknown outcome might mean the RCS message was delivered: never deliver twice).
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { RevokeResult, SendResult } from '../../worker/providers/types';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, TUESDAY_10H_PARIS, text, timers, uniquePhone } from './helpers';

/** RCS that never delivers and whose revoke errs `failures` times; counts SMS provider calls. */
async function failingRevoke(phone: string, failures: number): Promise<{ revokes: number; sms: number }> {
  const seen = { revokes: 0, sms: 0 };
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.rcsOverride = {
      name: 'rbm',
      handlesFallback: false,
      checkCapability: async () => ({ capable: true, features: [] }),
      send: async (req): Promise<SendResult> => ({ ok: true, providerMessageId: req.id, channel: 'rcs' }),
      revoke: async (): Promise<RevokeResult> => {
        seen.revokes += 1;
        return seen.revokes <= failures ? 'error' : 'revoked';
      },
      sendAgentEvent: async () => {},
    };
    p.core.smsOverride = {
      name: 'twilio',
      send: async (req): Promise<SendResult> => {
        seen.sms += 1;
        return { ok: true, providerMessageId: `SM-${req.id}`, channel: 'sms' };
      },
    };
  });
  return seen;
}

/** Runs each pending deadline timer in turn; checks no SMS went out before each one. */
async function runDeadlines(phone: string, seen: { sms: number }, rounds: number): Promise<number> {
  let ran = 0;
  for (let i = 0; i < rounds; i++) {
    const deadline = (await timers(phone)).find((t) => t.kind === 'deadline');
    if (!deadline) break;
    expect(seen.sms).toBe(0);
    await advanceTo(phone, deadline.due_at);
    ran += 1;
  }
  return ran;
}

describe('a revoke answering error at the fallback deadline', () => {
  it('is retried later and the SMS goes out once, only after a revoke succeeds', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const seen = await failingRevoke(phone, 2);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is ready') });
    expect(out).toMatchObject({ ok: true, status: 'sent', channel: 'rcs' });

    expect(await runDeadlines(phone, seen, 10)).toBe(3);
    expect(seen.revokes).toBe(3);
    expect(seen.sms).toBe(1);
    const [sms, rcs] = await messages(phone);
    expect(rcs).toMatchObject({ id: out.ok ? out.id : '', status: 'fell_back' });
    expect(rcs?.history.filter((h) => /revoke failed/.test(h.reason ?? ''))).toHaveLength(2);
    expect(sms).toMatchObject({ channel: 'sms', status: 'sent', fallback: { from: rcs?.id, reason: 'deadline' } });
  });

  it('gives up after a bounded number of revokes and never sends the SMS', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const seen = await failingRevoke(phone, 1_000);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is ready') });
    if (!out.ok) throw new Error('send refused');

    const ran = await runDeadlines(phone, seen, 30);
    expect(ran).toBeGreaterThan(1);
    expect(ran).toBeLessThanOrEqual(10);
    expect(seen.revokes).toBe(ran);
    expect(await timers(phone)).toEqual([]);
    await advanceTo(phone, TUESDAY_10H_PARIS + 7 * 86_400_000);
    expect(seen.sms).toBe(0);
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: out.id, channel: 'rcs', status: 'sent' });
    expect(all[0]?.history.at(-1)?.reason).toMatch(/no SMS fallback/);
  });
});
