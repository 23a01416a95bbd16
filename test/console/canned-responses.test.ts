// Canned responses are the brand's words: admins create, edit and delete them; agents and
// marketers read them (agents insert them in replies) and every write of theirs is a 403.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CannedResponseSchema, SHORTCUT_MAX_LENGTH } from '../../schemas/canned-responses';
import { api, type Session, signIn, unique } from './helpers';

const List = v.array(CannedResponseSchema);
const list = async (s: Session) => v.parse(List, await (await api(s, '/api/canned-responses')).json());
const shortcut = () => unique('s').toLowerCase();

describe('canned responses', () => {
  it('are created, edited and deleted by an admin, and read by everyone', async () => {
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const marketer = await signIn('marketer');
    const cut = shortcut();
    const created = await api(admin, '/api/canned-responses', {
      method: 'POST',
      body: { shortcut: cut.toUpperCase(), title: 'Shipping times', text: 'Orders ship within 24 hours.' },
    });
    expect(created.status).toBe(201);
    const row = v.parse(CannedResponseSchema, await created.json());
    expect(row).toMatchObject({ shortcut: cut, title: 'Shipping times' });
    for (const s of [agent, marketer]) expect(await list(s)).toContainEqual(row);

    const edited = await api(admin, `/api/canned-responses/${row.id}`, { method: 'PATCH', body: { text: 'Orders ship the same day.' } });
    expect(edited.status).toBe(200);
    const after = { ...row, text: 'Orders ship the same day.' };
    expect(await edited.json()).toEqual(after);
    expect(await list(agent)).toContainEqual(after);

    expect((await api(admin, `/api/canned-responses/${row.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await list(agent)).map((c) => c.id)).not.toContain(row.id);
    expect((await api(admin, `/api/canned-responses/${row.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuse every write from agents and marketers (403) and nothing changes', async () => {
    const admin = await signIn('admin');
    const created = await api(admin, '/api/canned-responses', {
      method: 'POST',
      body: { shortcut: shortcut(), title: 'Hi', text: 'Hello!' },
    });
    const row = v.parse(CannedResponseSchema, await created.json());
    for (const role of ['agent', 'marketer'] as const) {
      const s = await signIn(role);
      const writes: [string, string, unknown][] = [
        ['POST', '/api/canned-responses', { shortcut: shortcut(), title: 'Mine', text: 'x' }],
        ['PATCH', `/api/canned-responses/${row.id}`, { text: 'changed' }],
        ['DELETE', `/api/canned-responses/${row.id}`, undefined],
      ];
      for (const [method, path, body] of writes) {
        const res = await api(s, path, { method, body });
        expect(res.status, `${role} ${method}`).toBe(403);
        expect(await res.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await list(admin)).filter((c) => c.id === row.id)).toEqual([row]);
    expect((await list(admin)).filter((c) => c.title === 'Mine')).toEqual([]);
  });

  it('keep shortcuts unique, on creation and on edit (409 naming the shortcut)', async () => {
    const admin = await signIn('admin');
    const [a, b] = [shortcut(), shortcut()];
    await api(admin, '/api/canned-responses', { method: 'POST', body: { shortcut: a, title: 'A', text: 'a' } });
    const second = v.parse(
      CannedResponseSchema,
      await (await api(admin, '/api/canned-responses', { method: 'POST', body: { shortcut: b, title: 'B', text: 'b' } })).json(),
    );
    const dup = await api(admin, '/api/canned-responses', { method: 'POST', body: { shortcut: a, title: 'Again', text: 'x' } });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: 'shortcut_taken', details: [{ path: 'shortcut' }] });
    const rename = await api(admin, `/api/canned-responses/${second.id}`, { method: 'PATCH', body: { shortcut: a } });
    expect(rename.status).toBe(409);
    expect((await list(admin)).find((c) => c.id === second.id)?.shortcut).toBe(b);
  });

  it('name the bad field of a malformed one', async () => {
    const admin = await signIn('admin');
    const cases: [Record<string, unknown>, string][] = [
      [{ shortcut: 'has space', title: 'T', text: 'x' }, 'shortcut'],
      [{ shortcut: 'x'.repeat(SHORTCUT_MAX_LENGTH + 1), title: 'T', text: 'x' }, 'shortcut'],
      [{ shortcut: shortcut(), title: '', text: 'x' }, 'title'],
      [{ shortcut: shortcut(), title: 'T', text: '   ' }, 'text'],
    ];
    for (const [body, field] of cases) {
      const res = await api(admin, '/api/canned-responses', { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message.startsWith(`${field}:`)).toBe(true);
    }
  });
});
