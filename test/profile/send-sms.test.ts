// Sending to an SMS-only sandbox phone: the capability check says no, the SMS carries the fallback text.
import { describe, expect, it } from 'vitest';
import { advanceTo, messages, profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

describe('a send to an SMS-only profile', () => {
  it('goes out as SMS with the text generated from the content, and is delivered', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, {
      purpose: 'transactional',
      content: {
        type: 'card',
        card: {
          title: 'Order shipped',
          description: 'Arrives Thursday',
          buttons: [{ type: 'url', text: 'Track', url: 'https://example.com/t/1' }],
        },
      },
    });
    expect(out).toMatchObject({ ok: true, status: 'sent', channel: 'sms' });

    const all = await messages(phone);
    expect(all).toHaveLength(1);
    const [sms] = all;
    expect(sms?.channel).toBe('sms');
    expect(sms?.text).toContain('Order shipped');
    expect(sms?.text).toContain('https://example.com/t/1');
    expect(sms?.history.at(-1)?.reason).toMatch(/not RCS-capable/);
    expect((await profile(phone).get(phone))?.rcs.capable).toBe(false);

    await advanceTo(phone, TUESDAY_10H_PARIS + 5_000);
    expect((await messages(phone))[0]?.status).toBe('delivered');
  });

  it('uses the sender fallback_text when given', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await profile(phone).send(phone, {
      purpose: 'transactional',
      content: { type: 'text', text: 'Rich version' },
      fallback_text: 'Plain version',
    });
    expect((await messages(phone))[0]?.text).toBe('Plain version');
  });
});
