// RCS→SMS fallback when the RCS send itself answers "not reachable" (RBM 404) despite a
// cached positive capability: the SMS goes out once, linked to the RCS message.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, setSandboxMode, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('an RCS send answered "not reachable"', () => {
  it('falls back to one SMS linked to the RCS message', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    // First send caches "capable"; then the phone loses RCS (capability cache still fresh).
    await profile(phone).send(phone, { purpose: 'transactional', content: text('First') });
    await setSandboxMode(phone, 'sms');
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Second') });
    expect(out).toMatchObject({ ok: true, status: 'fell_back', channel: 'sms' });

    const [sms, rcs] = await messages(phone);
    expect(rcs).toMatchObject({ id: out.ok ? out.id : '', channel: 'rcs', status: 'fell_back' });
    expect(sms).toMatchObject({ channel: 'sms', status: 'sent', text: 'Second', fallback: { from: rcs?.id, reason: 'not_reachable' } });
    expect((await profile(phone).get(phone))?.rcs.capable).toBe(false);
  });
});
