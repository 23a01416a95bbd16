// A 10,000-message history pages newest first with an opaque cursor, never loaded whole;
// a cursor the API did not issue is refused.
import { runInDurableObject } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../worker/profile.do';
import { profile, uniquePhone } from './helpers';

describe('listMessages', () => {
  it('pages through 10,000 messages newest first without gaps or repeats', async () => {
    const phone = uniquePhone('sms');
    await runInDurableObject(profile(phone), (p: Profile) => {
      const store = p.core.store;
      store.ensureProfile(phone);
      for (let i = 0; i < 10_000; i++) {
        store.sql.exec(
          "INSERT INTO messages (id, direction, channel, kind, status, text, created_at, updated_at) VALUES (?, 'in', 'sms', 'message', 'received', ?, ?, ?)",
          `msg-${i}`,
          `n${i}`,
          i,
          i,
        );
      }
    });
    const first = await profile(phone).listMessages(phone);
    expect(first.messages).toHaveLength(50);
    expect(first.messages[0]?.text).toBe('n9999');

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await profile(phone).listMessages(phone, { cursor, limit: 500 });
      expect(page.messages.length).toBeLessThanOrEqual(200);
      seen.push(...page.messages.map((m) => m.text ?? ''));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(50);
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
    expect(seen[0]).toBe('n9999');
    expect(seen.at(-1)).toBe('n0');
  });

  it('refuses a cursor it did not issue', async () => {
    const phone = uniquePhone('sms');
    expect(await profile(phone).listMessages(phone, { cursor: 'bm9wZQ' })).toEqual({
      messages: [],
      next_cursor: null,
      error: 'invalid_cursor',
    });
  });
});

describe('GET /v1/profiles/{phone}/messages', () => {
  it('answers 400 naming the cursor when it was not issued by the API', async () => {
    const phone = uniquePhone('sms');
    const res = await exports.default.fetch(`http://localhost/v1/profiles/${encodeURIComponent(phone)}/messages?cursor=bm9wZQ`, {
      headers: { authorization: 'Bearer test-api-key' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', details: [{ path: 'cursor' }] });
  });
});
