// Marketing in quiet hours is held by the profile's alarm and released at the next allowed
// local moment (Paris: Sunday, before 08:00, public holiday); never dropped, never early.
import { describe, expect, it } from 'vitest';
import { advanceTo, messages, profile, setClock, subscribe, text, timers, uniquePhone } from './helpers';

async function heldUntil(sendAt: string): Promise<{ phone: string; due: number }> {
  const phone = uniquePhone('sms');
  await setClock(phone, Date.parse(sendAt));
  await subscribe(phone);
  const out = await profile(phone).send(phone, { purpose: 'marketing', content: text('Les soldes commencent') });
  expect(out).toMatchObject({ ok: true, status: 'held' });
  const release = (await timers(phone)).find((t) => t.kind === 'release');
  if (!release) throw new Error('no release timer');
  return { phone, due: release.due_at };
}

describe('quiet hours', () => {
  it('hold a Sunday send in Paris until Monday 08:00 and release it then, not a second earlier', async () => {
    const { phone, due } = await heldUntil('2026-03-08T14:00:00Z'); // Sunday 15:00 Paris
    expect(new Date(due).toISOString()).toBe('2026-03-09T07:00:00.000Z'); // Monday 08:00 Paris

    await advanceTo(phone, due - 1_000);
    expect((await messages(phone))[0]?.status).toBe('held');
    await advanceTo(phone, due);
    const [m] = await messages(phone);
    expect(m?.status).toBe('sent');
    expect(m?.history.map((h) => h.status)).toEqual(['queued', 'held', 'queued', 'sent']);
  });

  it('hold a send at 07:59 until 08:00 the same day', async () => {
    const { due } = await heldUntil('2026-03-14T06:59:00Z'); // Saturday 07:59 Paris
    expect(new Date(due).toISOString()).toBe('2026-03-14T07:00:00.000Z');
  });

  it('let a send at 08:00 go at once', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, Date.parse('2026-03-14T07:00:00Z')); // Saturday 08:00 Paris
    await subscribe(phone);
    expect(await profile(phone).send(phone, { purpose: 'marketing', content: text('Bonjour') })).toMatchObject({
      ok: true,
      status: 'sent',
    });
  });

  it('hold a send on a French public holiday until the next working morning', async () => {
    const { due } = await heldUntil('2026-07-14T08:00:00Z'); // Bastille Day, 10:00 Paris
    expect(new Date(due).toISOString()).toBe('2026-07-15T06:00:00.000Z'); // Wednesday 08:00 CEST
  });

  it('do not apply to transactional sends', async () => {
    const phone = uniquePhone('sms');
    await setClock(phone, Date.parse('2026-03-08T22:00:00Z')); // Sunday 23:00 Paris
    expect(await profile(phone).send(phone, { purpose: 'transactional', content: text('Code 1234') })).toMatchObject({
      ok: true,
      status: 'sent',
    });
  });
});
