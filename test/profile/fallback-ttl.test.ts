// The carrier's TTL_EXPIRATION_REVOKED event triggers the SMS fallback exactly once, and is
// ignored when DELIVERED came first.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, setSandboxMode, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

const ttl = (phone: string, id: string, providerId: string) => ({
  provider: 'sandbox' as const,
  type: 'status' as const,
  phone,
  id,
  at: new Date(TUESDAY_10H_PARIS).toISOString(),
  channel: 'rcs' as const,
  provider_message_id: providerId,
  status: 'ttl_revoked' as const,
});

describe('a TTL-revoked event', () => {
  it('sends one SMS even when the event is repeated under different ids', async () => {
    const phone = uniquePhone('rcs');
    await setSandboxMode(phone, 'rcs_offline');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Parcel update') });
    if (!out.ok) throw new Error('send refused');
    await profile(phone).ingest(ttl(phone, 'ttl-1', out.id));
    await profile(phone).ingest(ttl(phone, 'ttl-2', out.id));

    const all = await messages(phone);
    const sms = all.filter((m) => m.channel === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.fallback).toEqual({ from: out.id, reason: 'ttl_revoked' });
    const rcs = all.find((m) => m.id === out.id);
    expect(rcs?.status).toBe('fell_back');
    expect(rcs?.history.map((h) => h.status)).toEqual(['queued', 'sent', 'revoked', 'fell_back']);
  });

  it('is ignored after DELIVERED', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Parcel update') });
    if (!out.ok) throw new Error('send refused');
    await profile(phone).ingest({ ...ttl(phone, 'dlv-1', out.id), status: 'delivered' });
    await profile(phone).ingest(ttl(phone, 'ttl-late', out.id));
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]?.status).toBe('delivered');
  });
});
