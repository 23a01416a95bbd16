// A provider callback delivered twice is recorded once.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('a duplicate delivery callback', () => {
  it('is recorded once and reported as a duplicate', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Hi') });
    if (!out.ok) throw new Error('send refused');
    const receipt = {
      provider: 'sandbox' as const,
      type: 'status' as const,
      phone,
      id: 'cb-42',
      at: new Date().toISOString(),
      channel: 'rcs' as const,
      provider_message_id: out.id,
      status: 'delivered' as const,
    };
    expect(await profile(phone).ingest(receipt)).toEqual({ duplicate: false });
    expect(await profile(phone).ingest(receipt)).toEqual({ duplicate: true });
    const [m] = await messages(phone);
    expect(m?.history.filter((h) => h.status === 'delivered')).toHaveLength(1);
  });

  it('keeps "read" when READ arrives before DELIVERED', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Hi') });
    if (!out.ok) throw new Error('send refused');
    const base = {
      provider: 'sandbox' as const,
      type: 'status' as const,
      phone,
      at: new Date().toISOString(),
      channel: 'rcs' as const,
      provider_message_id: out.id,
    };
    await profile(phone).ingest({ ...base, id: 'r', status: 'read' });
    await profile(phone).ingest({ ...base, id: 'd', status: 'delivered' });
    const [m] = await messages(phone);
    expect(m?.status).toBe('read');
    expect(m?.history.map((h) => h.status)).toEqual(['queued', 'sent', 'read', 'delivered']);
  });
});
