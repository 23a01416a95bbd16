// The fallback deadline (RCS_FALLBACK_SECONDS): no DELIVERED in time → revoke; SMS only when
// the revoke succeeded, none when it answers "already delivered".
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, setSandboxMode, subscribe, TUESDAY_10H_PARIS, text, timers, uniquePhone } from './helpers';

describe('the fallback deadline', () => {
  it('revokes an undelivered RCS message and sends it as SMS once', async () => {
    const phone = uniquePhone('rcs');
    await setSandboxMode(phone, 'rcs_offline');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is ready') });
    if (!out.ok) throw new Error('send refused');
    expect((await timers(phone)).map((t) => t.kind)).toEqual(['deadline']);

    // One second before the deadline nothing happens.
    await advanceTo(phone, TUESDAY_10H_PARIS + 299_000);
    expect(await messages(phone)).toHaveLength(1);

    await advanceTo(phone, TUESDAY_10H_PARIS + 300_000);
    const all = await messages(phone);
    expect(all).toHaveLength(2);
    const [sms, rcs] = all;
    expect(rcs).toMatchObject({ id: out.id, status: 'fell_back' });
    expect(rcs?.history.map((h) => h.status)).toContain('revoked');
    expect(sms).toMatchObject({ channel: 'sms', text: 'Your code is ready', fallback: { from: out.id, reason: 'deadline' } });

    await advanceTo(phone, TUESDAY_10H_PARIS + 900_000);
    expect((await messages(phone)).filter((m) => m.channel === 'sms')).toHaveLength(1);
  });

  it('falls back with the opt-out mention, not a "Reply: Stop" line, for a marketing message that had the Stop chip', async () => {
    const phone = uniquePhone('rcs');
    await subscribe(phone);
    await setSandboxMode(phone, 'rcs_offline');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('Soldes : -30 % ce week-end') });
    if (!out.ok) throw new Error('send refused');
    await advanceTo(phone, TUESDAY_10H_PARIS + 300_000);
    const [sms, rcs] = await messages(phone);
    // The RCS message went out with the Stop chip (the brand's default).
    expect(rcs?.content?.suggestions?.map((s) => s.text)).toEqual(['Stop']);
    expect(sms).toMatchObject({ channel: 'sms', text: 'Soldes : -30 % ce week-end\nSTOP au 36111' });
  });

  it('sends no SMS when the revoke answers "already delivered"', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your code is ready') });
    if (!out.ok) throw new Error('send refused');
    // The receipts got lost: only the deadline remains.
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.store.sql.exec("DELETE FROM timers WHERE kind = 'receipt'");
    });
    await advanceTo(phone, TUESDAY_10H_PARIS + 301_000);
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]?.status).toBe('delivered');
    expect(all[0]?.history.at(-1)?.reason).toMatch(/already delivered/);
  });
});
