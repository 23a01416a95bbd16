// A STOP that arrives while a marketing message is held (quiet hours) or scheduled is
// honoured at release: the message is never sent.
import { describe, expect, it } from 'vitest';
import { forgetSettings } from '../../worker/settings';
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

describe('a STOP racing a send to the same customer', () => {
  // The two calls are in flight together: the object takes the send as soon as the STOP's
  // handling awaits I/O (the brand's settings, the Inbox). Either the send came first (and may
  // go out, before the STOP) or the STOP's consent change is already written; never a
  // marketing message sent after the STOP was recorded.
  it.each(['STOP', 'Stop chip'])('never sends marketing after a %s it already recorded', async (how) => {
    for (let round = 0; round < 10; round++) {
      const phone = uniquePhone('sms');
      await setClock(phone, TUESDAY_10H_PARIS);
      await subscribe(phone);
      const event =
        how === 'STOP'
          ? stop(phone, `race-${round}`)
          : {
              ...stop(phone, `race-${round}`),
              type: 'tap' as const,
              kind: 'reply' as const,
              channel: 'rcs' as const,
              text: 'Stop',
              postback: 'STOP',
            };
      forgetSettings(); // the STOP's handling reads the brand's settings from D1 (I/O)
      const [, out] = await Promise.all([
        profile(phone).ingest(event),
        profile(phone).send(phone, { purpose: 'marketing', content: text(`Promo ${round}`) }),
      ]);
      const list = await messages(phone); // newest first
      const stopAt = list.findIndex((m) => m.direction === 'in');
      const promoAt = list.findIndex((m) => out.ok && m.id === out.id);
      if (promoAt >= 0 && promoAt < stopAt) expect(list[promoAt]?.history.map((h) => h.status)).not.toContain('sent');
    }
  });
});
