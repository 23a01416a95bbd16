// Sending to an RCS-capable sandbox phone goes out over RCS and collects delivered/read receipts.
import { describe, expect, it } from 'vitest';
import { advanceTo, messages, profile, setClock, TUESDAY_10H_PARIS, text, uniquePhone } from './helpers';

describe('a send to an RCS-capable profile', () => {
  it('goes out over RCS, then is delivered and read through the simulated receipts', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, { purpose: 'transactional', content: text('Your order has shipped') });
    expect(out).toMatchObject({ ok: true, status: 'sent', channel: 'rcs', duplicate: false });

    const [sent] = await messages(phone);
    expect(sent).toMatchObject({ direction: 'out', channel: 'rcs', status: 'sent', purpose: 'transactional' });
    expect(sent?.history.map((h) => h.status)).toEqual(['queued', 'sent']);
    expect((await profile(phone).get(phone))?.rcs.capable).toBe(true);

    await advanceTo(phone, TUESDAY_10H_PARIS + 10_000);
    const [after] = await messages(phone);
    expect(after?.status).toBe('read');
    expect(after?.history.map((h) => h.status)).toEqual(['queued', 'sent', 'delivered', 'read']);
  });
});
