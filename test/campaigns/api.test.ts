// The campaigns API: bad input is a 400 naming the field and creates nothing (a template error
// included, before any recipient is enqueued); agents read campaigns but never create or
// cancel one; the shapes answered are the contract's.
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { api as v1 } from '../api/helpers';
import { api, signIn } from '../console/helpers';
import { createCampaign, makeRecipients, quiet, waitFor } from './helpers';

const used: string[] = [];
afterAll(async () => quiet(used), 60_000);

const countNamed = async (name: string) =>
  (await env.DB.prepare('SELECT count(*) AS n FROM campaigns WHERE name = ?').bind(name).first<{ n: number }>())?.n ?? 0;

describe('POST /v1/campaigns', () => {
  it('refuses a template error with a 400 naming the field, and creates and sends nothing', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const name = `broken-${crypto.randomUUID()}`;
    const res = await v1('POST', '/v1/campaigns', {
      name,
      profiles: [phone],
      content: { type: 'text', text: 'Bonjour {{ first_name | no_such_filter }}' },
    });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: string; message: string; details: { path: string }[] }>();
    expect(body.error).toBe('invalid_template');
    expect(body.details[0]?.path).toBe('content.text');
    expect(await countNamed(name)).toBe(0);
    expect((await env.PROFILE.getByName(phone!).listMessages(phone!)).messages).toHaveLength(0);
  });

  it('names a template error in variant B by its path', async () => {
    const res = await v1('POST', '/v1/campaigns', {
      name: 'ab',
      profiles: ['+33612345678'],
      content: { type: 'text', text: 'A' },
      variants: [{ content: { type: 'text', text: '{% if %}' }, share: 50 }],
    });
    expect(res.status).toBe(400);
    expect((await res.json<{ details: { path: string }[] }>()).details[0]?.path).toBe('variants.0.content.text');
  });

  it.each([
    [{ content: { type: 'text', text: 'x' } }, 'name'],
    [{ name: 'n', content: { type: 'text', text: 'x' } }, 'segment_id'],
    [{ name: 'n', profiles: ['+33612345678'], segment_id: 's', content: { type: 'text', text: 'x' } }, 'segment_id'],
    [{ name: 'n', profiles: ['not a phone'], content: { type: 'text', text: 'x' } }, 'profiles.0'],
    [{ name: 'n', profiles: ['+33612345678'], content: { type: 'text', text: 'x' }, send_at: 'tomorrow' }, 'send_at'],
    [{ name: 'n', profiles: ['+33612345678'], content: { type: 'text', text: 'x' }, cap_mode: 'later' }, 'cap_mode'],
    [
      {
        name: 'n',
        profiles: ['+33612345678'],
        content: { type: 'text', text: 'x' },
        variants: [{ content: { type: 'text', text: 'b' }, share: 100 }],
      },
      'variants.0.share',
    ],
    [{ name: 'n', segment_id: 'no-such-segment', content: { type: 'text', text: 'x' } }, 'segment_id'],
  ])('answers 400 for %j, naming %s', async (body, path) => {
    const res = await v1('POST', '/v1/campaigns', body);
    expect(res.status).toBe(400);
    const err = await res.json<{ message: string; details?: { path: string }[] }>();
    expect([err.message, ...(err.details ?? []).map((d) => d.path)].join(' ')).toContain(path);
  });

  it('answers 202 {id, status} and then the contract shape', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const res = await v1('POST', '/v1/campaigns', { name: 'Shape', profiles: [phone], content: { type: 'text', text: 'Hi' } });
    expect(res.status).toBe(202);
    const { id, status } = await res.json<{ id: string; status: string }>();
    expect(status).toBe('sending');
    const done = await waitFor(id, (c) => c.status === 'sent');
    expect(Object.keys(done.counts).sort()).toEqual(
      [
        'recipients',
        'sent',
        'delivered',
        'read',
        'clicked',
        'replied',
        'unsubscribed',
        'failed',
        'skipped',
        'held',
        'refused',
        'cancelled',
      ].sort(),
    );
    expect(done).toMatchObject({
      id,
      name: 'Shape',
      by_channel: { rcs: expect.any(Object), sms: expect.any(Object) },
      conversions: 0,
      revenue: 0,
    });
    const list = await (await v1('GET', '/v1/campaigns?limit=100')).json<{ campaigns: { id: string }[]; next_cursor: string | null }>();
    expect(list.campaigns.map((c) => c.id)).toContain(id);
    const recipients = await (await v1('GET', `/v1/campaigns/${id}/recipients`)).json<{ recipients: unknown[]; next_cursor: null }>();
    expect(recipients).toMatchObject({ recipients: [{ phone, outcome: 'sent', message_id: expect.any(String) }], next_cursor: null });
    expect((await v1('GET', '/v1/campaigns/cmp_nope')).status).toBe(404);
    expect((await v1('GET', `/v1/campaigns/${id}/recipients?cursor=%%%`)).status).toBe(400);
    expect((await v1('POST', `/v1/campaigns/${id}/cancel`)).status).toBe(409);
  }, 60_000);

  it('needs an API key', async () => {
    expect((await v1('GET', '/v1/campaigns', undefined, { key: null })).status).toBe(401);
  });
});

describe('POST /api/campaigns/audience', () => {
  it('says how many of a list a campaign would reach and why the others are excluded', async () => {
    const subscribed = await makeRecipients(3);
    const never = await makeRecipients(2, { subscribed: false });
    used.push(...subscribed, ...never);
    const marketer = await signIn('marketer');
    const res = await api(marketer, '/api/campaigns/audience', {
      method: 'POST',
      body: { profiles: [...subscribed, ...never, '+33612000001'] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ total: 6, eligible_marketing: 3, excluded: { unsubscribed: 0, never_subscribed: 3 } });
  });
});

describe('/api/campaigns roles', () => {
  it('lets an agent read campaigns but answers 403 on create and cancel, changing nothing', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const agent = await signIn('agent');
    const name = `agent-${crypto.randomUUID()}`;
    const create = await api(agent, '/api/campaigns', {
      method: 'POST',
      body: { name, profiles: [phone], content: { type: 'text', text: 'x' } },
    });
    expect(create.status).toBe(403);
    expect(await countNamed(name)).toBe(0);

    const existing = await createCampaign({ profiles: [phone], send_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await api(agent, `/api/campaigns/${existing}/cancel`, { method: 'POST' })).status).toBe(403);
    expect((await api(agent, '/api/campaigns')).status).toBe(200);
    const read = await api(agent, `/api/campaigns/${existing}`);
    expect(read.status).toBe(200);
    expect((await read.json<{ status: string }>()).status).toBe('scheduled');
  });

  it('lets a marketer create and cancel', async () => {
    const [phone] = await makeRecipients(1);
    used.push(phone!);
    const marketer = await signIn('marketer');
    const create = await api(marketer, '/api/campaigns', {
      method: 'POST',
      body: {
        name: 'Marketer',
        profiles: [phone],
        content: { type: 'text', text: 'x' },
        send_at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(create.status).toBe(202);
    const { id } = await create.json<{ id: string }>();
    const cancel = await api(marketer, `/api/campaigns/${id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({ id, status: 'cancelled' });
  });
});
