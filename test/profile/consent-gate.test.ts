// The consent gate: marketing refused after STOP; transactional refused after STOP unless the
// customer wrote again within the 24-hour care window.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { profile, setClock, subscribe, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

const inbound = (phone: string, id: string, body: string) => ({
  provider: 'sandbox' as const,
  type: 'message' as const,
  phone,
  id,
  at: new Date().toISOString(),
  channel: 'sms' as const,
  text: body,
});

describe('the consent gate', () => {
  it('refuses marketing to a profile that never subscribed', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Sale!') })).toMatchObject({
      ok: false,
      error: 'marketing_not_subscribed',
    });
  });

  it('does not count the STOP itself as the customer writing again, however long processing it takes', async () => {
    // A clock that moves a millisecond on every read: the STOP's arrival and the opt-out it
    // records fall on different milliseconds, as they do on a loaded machine.
    const phone = uniquePhone('sms');
    await runInDurableObject(profile(phone), (p: Profile) => {
      let t = TUESDAY_10H_PARIS;
      p.core.now = () => t++;
    });
    await profile(phone).ingest(inbound(phone, 'hello-tick', 'Bonjour'));
    expect(await profile(phone).ingest(inbound(phone, 'stop-tick', 'STOP'))).toMatchObject({ keyword: 'opt_out' });
    expect(
      await profile(phone).send(phone, { purpose: 'support', content: text('Une dernière offre ?'), author: 'agent-1' }),
    ).toMatchObject({
      ok: false,
      error: 'outside_care_window',
    });
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Shipped') })).toMatchObject({
      ok: false,
      error: 'transactional_opted_out',
    });
  });

  it('refuses marketing and transactional after STOP, and allows transactional in the care window after a new message', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    expect((await profile(phone).send(phone, { purpose: 'marketing', content: text('Sale!') })).ok).toBe(true);

    await setClock(phone, TUESDAY_10H_PARIS + 60_000);
    expect(await profile(phone).ingest(inbound(phone, 'stop-1', 'STOP'))).toMatchObject({ keyword: 'opt_out' });
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Sale!') })).toMatchObject({
      ok: false,
      error: 'marketing_not_subscribed',
    });
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Shipped') })).toMatchObject({
      ok: false,
      error: 'transactional_opted_out',
    });
    expect(await profile(phone).send(phone, { purpose: 'support', content: text('Hi'), author: 'agent-1' })).toMatchObject({
      ok: false,
      error: 'outside_care_window',
    });

    // The customer writes again: transactional and support are allowed for 24 hours.
    await setClock(phone, TUESDAY_10H_PARIS + 3_600_000);
    await profile(phone).ingest(inbound(phone, 'q-1', 'Where is my parcel?'));
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Shipped') })).toMatchObject({ ok: true });
    expect(await profile(phone).send(phone, { purpose: 'support', content: text('On its way'), author: 'agent-1' })).toMatchObject({
      ok: true,
    });
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Sale!') })).toMatchObject({
      ok: false,
      error: 'marketing_not_subscribed',
    });

    await setClock(phone, TUESDAY_10H_PARIS + 3_600_000 + 86_400_000);
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Shipped') })).toMatchObject({
      ok: false,
      error: 'transactional_opted_out',
    });
  });

  it('refuses invalid content naming the field', async () => {
    const phone = uniquePhone('sms');
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: { type: 'text', text: '' } });
    expect(out).toMatchObject({ ok: false, error: 'invalid_content' });
    expect(out.ok ? '' : out.message).toMatch(/^content\.text/);
  });
});
