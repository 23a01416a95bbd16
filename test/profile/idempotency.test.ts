// The same idempotency key twice sends once and returns the first message.
import { describe, expect, it } from 'vitest';
import { messages, profile, setClock, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('an idempotency key', () => {
  it('sends once and answers the replay with the first message', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const req = { purpose: 'transactional' as const, content: text('Order #1 confirmed'), idempotency_key: 'order-1-confirmation' };
    const [a, b] = await Promise.all([profile(phone).send(phone, req), profile(phone).send(phone, req)]);
    const c = await profile(phone).send(phone, req);
    if (!a.ok || !b.ok || !c.ok) throw new Error('send refused');
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(c.duplicate).toBe(true);
    expect(await messages(phone)).toHaveLength(1);
  });
});
