// An opt-out gets exactly one confirmation (ACKNOWLEDGEMENT, exempt from quiet hours), even
// when STOP is repeated or paired with RBM's UNSUBSCRIBE event.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { messages, profile, setClock, subscribe, uniquePhone } from './helpers';

describe('the opt-out confirmation', () => {
  it('is sent exactly once, on Sunday night too', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, Date.parse('2026-03-08T22:30:00Z')); // Sunday 23:30 Paris
    await subscribe(phone);
    const base = { provider: 'rbm' as const, phone, at: new Date().toISOString(), channel: 'rcs' as const };
    await profile(phone).ingest({ ...base, type: 'message', id: 'm1', text: 'Stop' });
    await profile(phone).ingest({ ...base, type: 'unsubscribe', id: 'e1' });
    await profile(phone).ingest({ ...base, type: 'message', id: 'm2', text: 'STOP please' });

    const out = (await messages(phone)).filter((m) => m.direction === 'out');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ purpose: 'system', status: 'sent' });
    const traffic = await runInDurableObject(profile(phone), (p: Profile) => p.core.store.message(out[0]?.id ?? '')?.traffic);
    expect(traffic).toBe('ACKNOWLEDGEMENT');

    const view = await profile(phone).get(phone);
    expect(view?.consent.marketing).toMatchObject({ status: 'unsubscribed', source: 'keyword' });
    expect(view?.consent.transactional.status).toBe('unsubscribed');
    const log = await profile(phone).consentLog(phone);
    expect(log.filter((l) => l.source === 'keyword')).toHaveLength(2);
    expect(log[0]?.text).toBe('Stop');
  });

  it('re-subscribes on START with one confirmation', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, Date.parse('2026-03-10T09:00:00Z'));
    await subscribe(phone);
    const base = { provider: 'sandbox' as const, type: 'message' as const, phone, at: new Date().toISOString(), channel: 'sms' as const };
    await profile(phone).ingest({ ...base, id: 's', text: 'ARRÊT' });
    expect(await profile(phone).ingest({ ...base, id: 'g', text: 'start' })).toMatchObject({ keyword: 'opt_in' });
    expect((await profile(phone).get(phone))?.consent.marketing.status).toBe('subscribed');
    expect((await messages(phone)).filter((m) => m.direction === 'out')).toHaveLength(2);
  });
});
