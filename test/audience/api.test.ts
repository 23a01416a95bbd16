// Saved segments over HTTP: `POST /v1/segments` → 201 with a count, `GET /v1/segments/{id}`
// with a fresh count, the list with the built-ins; a definition that breaks the grammar is a
// 400 naming the bad condition's path and changes nothing. The console's `/api/segments`:
// marketers and admins write, agents read only (403 on every write), and the preview answers
// count, sample and consent breakdown.
import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { SegmentListSchema, SegmentPreviewSchema, SegmentSchema } from '../../schemas/segments-api';
import { api as v1 } from '../api/helpers';
import { api, signIn } from '../console/helpers';
import { type Seeded, seed } from './seed';

let s: Seeded;
beforeAll(async () => {
  s = await seed();
});

const savedCount = async () => (await env.DB.prepare('SELECT count(*) AS n FROM segments').first<{ n: number }>())?.n;

describe('/v1/segments', () => {
  it('saves a definition (201 with its count) and reads it back with a fresh count', async () => {
    const definition = { all: [{ field: 'properties.suite', op: 'equals', value: s.tag }, { rcs: 'capable' }] };
    const created = await v1('POST', '/v1/segments', { name: '  RCS fans ', definition });
    expect(created.status).toBe(201);
    const body = v.parse(SegmentSchema, await created.json());
    expect(body).toMatchObject({ name: 'RCS fans', definition, count: 2, builtin: false });

    // Dan loses RCS: the next read counts again.
    await env.DB.prepare('UPDATE profiles SET rcs_capable = 0 WHERE phone = ?').bind(s.phones.dan).run();
    const read = await v1('GET', `/v1/segments/${body.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: body.id, name: 'RCS fans', definition, count: 1 });
    await env.DB.prepare('UPDATE profiles SET rcs_capable = 1 WHERE phone = ?').bind(s.phones.dan).run();

    const list = v.parse(SegmentListSchema, await (await v1('GET', '/v1/segments')).json());
    expect(list.segments.slice(0, 4).map((x) => x.id)).toEqual([
      'builtin-vip',
      'builtin-new-customers',
      'builtin-big-baskets',
      'builtin-rcs-capable',
    ]);
    expect(list.segments.map((x) => x.id)).toContain(body.id);
    expect((await v1('GET', '/v1/segments/builtin-vip')).status).toBe(200);
    expect((await v1('GET', '/v1/segments/nope')).status).toBe(404);
    expect((await v1('GET', '/v1/segments', undefined, { key: null })).status).toBe(401);
  });

  it('answers 400 naming the bad condition for invalid definitions, and saves nothing', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ all: [{ rcs: 'capable' }, { field: 'total_spent', op: 'contains', value: 1 }] }, 'definition.all.1.op', /number field/],
      [{ all: [{ rcs: 'capable' }, { rcs: 'capable' }, { field: 'first_name', op: 'equals' }] }, 'definition.all.2.value', /required/],
      [{ any: [{ all: [{ field: 'shoe_size', op: 'equals', value: 42 }] }] }, 'definition.any.0.all.0.field', /properties\.<key>/],
      [{ all: [{ consent: 'marketing', op: 'is', value: 'maybe' }] }, 'definition.all.0.value', /"subscribed"/],
      [{ all: [{ event: 'Placed Order', in_last_days: 0 }] }, 'definition.all.0.in_last_days', /at least 1/],
      [{ all: [{ event: 'Placed Order', op: 'not_happened', count: { op: 'at_least', value: 2 } }] }, 'definition.all.0.count', /happened/],
      [{ all: [{ field: 'country', op: 'in', value: ['France'] }] }, 'definition.all.0.value.0', /two-letter/],
      [{ all: [{ weather: 'sunny' }] }, 'definition.all.0', /must be a condition/],
      [{ all: [{ all: [{ all: [{ all: [{ all: [] }] }] }] }] }, 'definition', /4 levels/],
      [{ all: Array.from({ length: 21 }, () => ({ rcs: 'capable' })) }, 'definition.all', /at most 20/],
    ];
    const before = await savedCount();
    for (const [definition, path, message] of cases) {
      const res = await v1('POST', '/v1/segments', { name: 'Bad', definition });
      expect(res.status, path).toBe(400);
      const body = await res.json<{ error: string; details: { path: string; message: string }[] }>();
      expect(body.error).toBe('invalid_request');
      expect(body.details[0]?.path).toBe(path);
      expect(body.details[0]?.message).toMatch(message);
    }
    expect(await savedCount()).toBe(before);
  });
});

describe('/api/segments', () => {
  const definition = () => ({
    any: [
      { field: 'properties.vip', op: 'equals', value: true },
      { field: 'country', op: 'equals', value: 'BE' },
    ],
  });
  const scoped = () => ({ all: [{ field: 'properties.suite', op: 'equals', value: s.tag }, definition()] });

  it('lets marketers and admins create, edit and delete, and agents only read (403 on every write)', async () => {
    const marketer = await signIn('marketer');
    const admin = await signIn('admin');
    const agent = await signIn('agent');
    const created = await api(marketer, '/api/segments', { method: 'POST', body: { name: 'VIP or Belgium', definition: scoped() } });
    expect(created.status).toBe(201);
    const seg = v.parse(SegmentSchema, await created.json());
    expect(seg.count).toBe(2);

    const before = await savedCount();
    expect((await api(agent, '/api/segments', { method: 'POST', body: { name: 'Nope', definition: scoped() } })).status).toBe(403);
    expect((await api(agent, `/api/segments/${seg.id}`, { method: 'PATCH', body: { name: 'Nope' } })).status).toBe(403);
    expect((await api(agent, `/api/segments/${seg.id}`, { method: 'DELETE' })).status).toBe(403);
    expect(await savedCount()).toBe(before);
    const listed = v.parse(SegmentListSchema, await (await api(agent, '/api/segments')).json());
    expect(listed.segments.find((x) => x.id === seg.id)).toMatchObject({ name: 'VIP or Belgium', count: 2 });

    const renamed = await api(admin, `/api/segments/${seg.id}`, { method: 'PATCH', body: { name: 'VIP' } });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: seg.id, name: 'VIP', count: 2 });
    expect((await api(marketer, '/api/segments/builtin-vip', { method: 'PATCH', body: { name: 'Mine' } })).status).toBe(409);
    expect((await api(marketer, `/api/segments/${seg.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(agent, `/api/segments/${seg.id}`)).status).toBe(404);
  });

  it('previews a definition: count, a sample with names and phones, and the marketing breakdown', async () => {
    const marketer = await signIn('marketer');
    const res = await api(marketer, '/api/segments/preview', { method: 'POST', body: { definition: scoped() } });
    expect(res.status).toBe(200);
    const preview = v.parse(SegmentPreviewSchema, await res.json());
    expect(preview.count).toBe(2);
    expect([...preview.sample].sort((a, b) => a.phone.localeCompare(b.phone))).toEqual(
      [
        { phone: s.phones.alice, name: 'Alice Martin' },
        { phone: s.phones.bruno, name: 'Bruno Dubois' },
      ].sort((a, b) => a.phone.localeCompare(b.phone)),
    );
    // Bruno unsubscribed from marketing.
    expect(preview.breakdown).toEqual({ matched: 2, reachable: 1, excluded: { unsubscribed: 1, not_subscribed: 0 } });
    const bad = await api(marketer, '/api/segments/preview', { method: 'POST', body: { definition: { all: [{ rcs: 'maybe' }] } } });
    expect(bad.status).toBe(400);
    expect((await bad.json<{ details: { path: string }[] }>()).details[0]?.path).toBe('definition.all.0.rcs');
  });
});
