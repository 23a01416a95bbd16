// An inbound text is recorded once as an inbound message, even when the provider retries it.
import { describe, expect, it } from 'vitest';
import { messages, profile, uniquePhone } from './helpers';

describe('an inbound text', () => {
  it('is recorded once and a replay is reported as a duplicate', async () => {
    const phone = uniquePhone('rcs');
    const event = {
      provider: 'sandbox' as const,
      type: 'message' as const,
      phone,
      id: 'in-1',
      at: new Date().toISOString(),
      channel: 'rcs' as const,
      text: 'Hello, is my order ready?',
    };
    expect(await profile(phone).ingest(event)).toEqual({ duplicate: false, keyword: null });
    expect(await profile(phone).ingest(event)).toEqual({ duplicate: true });
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ direction: 'in', kind: 'message', status: 'received', text: 'Hello, is my order ready?' });
    expect((await profile(phone).get(phone))?.last_inbound_at).not.toBeNull();
  });
});
