// addNote(): an agent's internal note is a `note` item in the thread, never handed to any
// provider (no RCS, no SMS, no timer to send it later).
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../worker/providers/types';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, TUESDAY_10H_PARIS, timers, uniquePhone } from './helpers';

describe('addNote()', () => {
  it('creates a note item that is never sent to any provider', async () => {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    const calls: string[] = [];
    await runInDurableObject(profile(phone), (p: Profile) => {
      const refuse = async (what: string): Promise<SendResult> => {
        calls.push(what);
        return { ok: false, kind: 'rejected', message: 'must not be called' };
      };
      p.core.rcsOverride = {
        name: 'rbm',
        handlesFallback: false,
        checkCapability: async () => {
          calls.push('capability');
          return { capable: true, features: [] };
        },
        send: () => refuse('rcs'),
        revoke: async () => {
          calls.push('revoke');
          return 'error';
        },
        sendAgentEvent: async () => {
          calls.push('agent-event');
        },
      };
      p.core.smsOverride = { name: 'twilio', send: () => refuse('sms') };
    });

    const note = await profile(phone).addNote(phone, 'Customer prefers a call after 18:00', 'agent-1');
    expect(note).toMatchObject({ kind: 'note', direction: 'out', text: 'Customer prefers a call after 18:00', author: 'agent-1' });
    await advanceTo(phone, TUESDAY_10H_PARIS + 86_400_000);

    expect(calls).toEqual([]);
    expect(await timers(phone)).toEqual([]);
    const all = await messages(phone);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: note.id, kind: 'note', status: 'received' });
    expect(all[0]?.history.map((h) => h.status)).toEqual(['received']);
  });
});
