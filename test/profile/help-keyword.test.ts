// HELP (and the French AIDE) gets exactly one answer naming the brand and saying how to stop;
// it never changes consent.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

describe('a HELP keyword', () => {
  for (const keyword of ['HELP', 'aide']) {
    it(`(${keyword}) gets one answer with the brand name and how to stop, and leaves consent as it was`, async () => {
      const phone = uniquePhone('sms');
      await setClock(phone, TUESDAY_10H_PARIS);
      await subscribe(phone);
      const before = await profile(phone).get(phone);
      const result = await profile(phone).ingest({
        provider: 'sandbox',
        type: 'message',
        phone,
        id: 'h1',
        at: new Date().toISOString(),
        channel: 'sms',
        text: keyword,
      });
      expect(result).toMatchObject({ duplicate: false, keyword: 'help' });

      const out = (await messages(phone)).filter((m) => m.direction === 'out');
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ channel: 'sms', status: 'sent' });
      const answer = out[0]?.text ?? '';
      expect(answer).toContain('Maison Lumière');
      expect(answer).toMatch(/STOP/);
      // The brand is named once, not stuttered.
      expect(answer.split('Maison Lumière').length - 1).toBe(1);

      const after = await profile(phone).get(phone);
      expect(after?.consent).toEqual(before?.consent);
      expect((await profile(phone).consentLog(phone)).filter((l) => l.source === 'keyword')).toEqual([]);
    });
  }

  it('gives a US customer the CTIA items: frequency, rates notice and how to stop', async () => {
    // 555-01xx is the US range for fiction; an odd last digit is SMS-only on the sandbox.
    const phone = `+141555501${String(2 * Math.floor(Math.random() * 50) + 1).padStart(2, '0')}`;
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: 'h-us',
      at: new Date().toISOString(),
      channel: 'sms',
      text: 'HELP',
    });
    const answer = (await messages(phone)).find((m) => m.direction === 'out')?.text ?? '';
    expect(answer).toContain('Maison Lumière');
    expect(answer).toContain('Msg frequency varies');
    expect(answer).toContain('Msg & data rates may apply');
    expect(answer).toMatch(/Reply STOP/);
  });

  for (const [who, phone, locale, english] of [
    [
      'a US customer with no language set',
      () => `+141555501${String(2 * Math.floor(Math.random() * 50) + 1).padStart(2, '0')}`,
      null,
      true,
    ],
    ['a French number whose profile says English', () => uniquePhone('sms'), 'en', true],
    ['a French number with no language set', () => uniquePhone('sms'), null, false],
  ] as const) {
    it(`answers ${who} in ${english ? 'English' : 'French'} (the profile's language, else the number's country's)`, async () => {
      const p = phone();
      await setClock(p, TUESDAY_10H_PARIS);
      await profile(p).upsert(p, { first_name: 'Help', ...(locale ? { locale } : {}) }, 'test');
      await profile(p).ingest({
        provider: 'sandbox',
        type: 'message',
        phone: p,
        id: 'h-lang',
        at: new Date().toISOString(),
        channel: 'sms',
        text: 'HELP',
      });
      const answer = (await messages(p)).find((m) => m.direction === 'out')?.text ?? '';
      if (english) {
        expect(answer).toContain('offers and order updates by message');
        expect(answer).not.toContain('Répondez');
      } else expect(answer).toContain('offres et suivi de commande');
    });
  }
});
