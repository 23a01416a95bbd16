// A second marketing message within 24 hours is skipped (not delayed), with its reason.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('the frequency cap', () => {
  it('skips a second marketing message within 24 hours and lets one through after', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Offer 1') })).toMatchObject({
      ok: true,
      status: 'sent',
    });

    await setClock(phone, TUESDAY_10H_PARIS + 3 * 3_600_000);
    const skipped = await profile(phone).send(phone, { purpose: 'marketing', content: text('Offer 2') });
    expect(skipped).toMatchObject({ ok: true, status: 'skipped' });
    expect(skipped.ok ? skipped.reason : '').toMatch(/frequency cap/);
    // Transactional is exempt.
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Shipped') })).toMatchObject({
      ok: true,
      status: 'sent',
    });

    await setClock(phone, TUESDAY_10H_PARIS + 24 * 3_600_000);
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Offer 3') })).toMatchObject({
      ok: true,
      status: 'sent',
    });
    const all = await messages(phone);
    const label = (m: (typeof all)[number]) =>
      `${m.content?.type === 'text' ? m.content.text : ''}:${m.status === 'skipped' ? 'skipped' : 'went out'}`;
    expect(all.map(label)).toEqual(['Offer 3:went out', 'Shipped:went out', 'Offer 2:skipped', 'Offer 1:went out']);
  });
});
