// A STOP that arrives while a marketing message is held (quiet hours) or scheduled is
// honoured at release: the message is never sent.
import { describe, expect, it } from 'vitest';
import { advanceTo, messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, text, timers, uniquePhone } from './helpers';

const stop = (phone: string, id: string) => ({
  provider: 'sandbox' as const,
  type: 'message' as const,
  phone,
  id,
  at: new Date().toISOString(),
  channel: 'sms' as const,
  text: 'STOP',
});

describe('a STOP between acceptance and release', () => {
  it('skips a held marketing message at release', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, Date.parse('2026-03-08T14:00:00Z')); // Sunday in Paris
    await subscribe(phone);
    const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('Promo') });
    expect(out).toMatchObject({ ok: true, status: 'held' });
    await profile(phone).ingest(stop(phone, 'stop-held'));

    const release = (await timers(phone)).find((t) => t.kind === 'release');
    if (!release || !out.ok) throw new Error('no release timer');
    await advanceTo(phone, release.due_at);
    const promo = (await messages(phone)).find((m) => m.id === out.id);
    expect(promo?.status).toBe('skipped');
    expect(promo?.history.at(-1)?.reason).toMatch(/opted out before release/);
    expect(promo?.history.map((h) => h.status)).not.toContain('sent');
  });

  it('skips a scheduled (send_at) marketing message at release', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    const sendAt = new Date(TUESDAY_10H_PARIS + 2 * 3_600_000).toISOString();
    const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('Later'), send_at: sendAt });
    expect(out).toMatchObject({ ok: true, status: 'scheduled' });
    await profile(phone).ingest(stop(phone, 'stop-sched'));
    await advanceTo(phone, Date.parse(sendAt));
    const later = (await messages(phone)).find((m) => out.ok && m.id === out.id);
    expect(later?.status).toBe('skipped');
  });
});
