// A capability check that says "not capable" (RBM 404) sends SMS directly, and a stale cache is refreshed.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, setSandboxMode, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('the capability check', () => {
  it('sends SMS when the number is not RCS-capable, without any RCS attempt', async () => {
    const phone = uniquePhone('rcs');
    await setSandboxMode(phone, 'sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Hello') });
    expect(out).toMatchObject({ ok: true, channel: 'sms', status: 'sent' });
    const all = await messages(phone);
    expect(all.map((m) => m.channel)).toEqual(['sms']);
  });

  it('re-checks a capability older than 7 days and switches channel', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect((await profile(phone).send(phone, { purpose: 'transactional', content: text('One') })).ok).toBe(true);
    await setSandboxMode(phone, 'sms');
    await setClock(phone, TUESDAY_10H_PARIS + 8 * 86_400_000);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Two') });
    expect(out).toMatchObject({ channel: 'sms', status: 'sent' });
    expect((await messages(phone))[0]?.fallback).toBeNull();
  });
});
