// A tap is recorded as an inbound item with its postback, traced to the message that offered
// it, and a postback rule answers it automatically (e.g. "track" → tracking link).
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { SETTINGS_TTL_MS } from '../../worker/settings';
import { messages, profile, setClock, TUESDAY_10H_PARIS, uniquePhone } from './helpers';

/** Drops the settings copy the objects share (they read D1 again): rules were just changed. */
const forgetSettings = (phone: string) =>
  runInDurableObject(profile(phone), (p: Profile) => {
    p.core.settings.forget();
  });

describe('a tap on a suggestion', () => {
  it('is traced to its message and triggers the postback automation', async () => {
    const phone = uniquePhone('rcs');
    const rule = `track-${crypto.randomUUID()}`;
    await env.DB.prepare('INSERT INTO postback_rules (postback, reply, purpose) VALUES (?, ?, ?)')
      .bind(rule, JSON.stringify({ type: 'text', text: 'Suivez votre colis : https://example.com/t/XYZ' }), 'support')
      .run();
    await forgetSettings(phone);
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, {
      purpose: 'transactional',
      content: {
        type: 'text',
        text: 'Your parcel left our warehouse',
        suggestions: [
          { type: 'reply', text: 'Track it', postback: rule },
          { type: 'reply', text: 'Thanks' },
        ],
      },
    });
    if (!out.ok) throw new Error('send refused');
    const [sent] = await messages(phone);
    const chips = sent?.content?.suggestions ?? [];
    // The given postback is kept; the missing one is generated, unique to message and chip.
    expect(chips.map((c) => c.postback)).toEqual([rule, `m.${out.id}.1`]);

    const tap = {
      provider: 'sandbox' as const,
      type: 'tap' as const,
      phone,
      at: new Date().toISOString(),
      channel: 'rcs' as const,
      kind: 'reply' as const,
    };
    await profile(phone).ingest({ ...tap, id: 't1', postback: `m.${out.id}.1`, text: 'Thanks' });
    await profile(phone).ingest({ ...tap, id: 't2', postback: rule, text: 'Track it' });

    const all = await messages(phone);
    const taps = all.filter((m) => m.kind === 'tap');
    expect(taps).toHaveLength(2);
    expect(taps.every((t) => t.direction === 'in' && t.in_reply_to === out.id)).toBe(true);
    expect(taps.map((t) => t.postback).sort()).toEqual([`m.${out.id}.1`, rule].sort());

    const [reply] = all;
    expect(reply).toMatchObject({ direction: 'out', purpose: 'support', author: 'automation', status: 'sent' });
    expect(reply?.content).toEqual({ type: 'text', text: 'Suivez votre colis : https://example.com/t/XYZ' });
  });

  it('reads postback rules from the settings cache the objects share, and follows an edited rule once it expires', async () => {
    const phone = uniquePhone('rcs');
    const rule = `faq-${crypto.randomUUID()}`;
    const reply = (t: string) => JSON.stringify({ type: 'text', text: t });
    await env.DB.prepare('INSERT INTO postback_rules (postback, reply, purpose) VALUES (?, ?, ?)')
      .bind(rule, reply('First answer'), 'support')
      .run();
    await forgetSettings(phone);
    await setClock(phone, TUESDAY_10H_PARIS);
    const out = await profile(phone).send(phone, {
      purpose: 'transactional',
      content: { type: 'text', text: 'Questions?', suggestions: [{ type: 'reply', text: 'Opening hours', postback: rule }] },
    });
    if (!out.ok) throw new Error('send refused');
    let n = 0;
    const tap = () =>
      profile(phone).ingest({
        provider: 'sandbox',
        type: 'tap',
        phone,
        id: `tap-${++n}`,
        at: new Date().toISOString(),
        channel: 'rcs',
        kind: 'reply',
        postback: rule,
        text: 'Opening hours',
      });
    const lastAnswer = async () => (await messages(phone)).find((m) => m.author === 'automation')?.content;

    await tap();
    expect(await lastAnswer()).toEqual({ type: 'text', text: 'First answer' });
    // Edited in D1: within the cache's lifetime a tap costs no D1 read, and answers as before.
    await env.DB.prepare('UPDATE postback_rules SET reply = ? WHERE postback = ?').bind(reply('Second answer'), rule).run();
    await tap();
    expect(await lastAnswer()).toEqual({ type: 'text', text: 'First answer' });
    // Shared by the objects of the isolate: another customer's object answers from the same copy.
    const other = uniquePhone('rcs');
    await setClock(other, TUESDAY_10H_PARIS);
    const sent = await profile(other).send(other, {
      purpose: 'transactional',
      content: { type: 'text', text: 'Questions?', suggestions: [{ type: 'reply', text: 'Opening hours', postback: rule }] },
    });
    if (!sent.ok) throw new Error('send refused');
    await profile(other).ingest({
      provider: 'sandbox',
      type: 'tap',
      phone: other,
      id: 'other-tap',
      at: new Date().toISOString(),
      channel: 'rcs',
      kind: 'reply',
      postback: rule,
      text: 'Opening hours',
    });
    expect((await messages(other)).find((m) => m.author === 'automation')?.content).toEqual({ type: 'text', text: 'First answer' });
    // Once the cache has expired, the edited rule answers.
    await runInDurableObject(profile(phone), (p: Profile) => {
      p.core.settings.now = () => Date.now() + SETTINGS_TTL_MS + 1;
    });
    await tap();
    expect(await lastAnswer()).toEqual({ type: 'text', text: 'Second answer' });
  });
});
