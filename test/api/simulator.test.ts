// The phone simulator's API (/api/simulator): phones and their sandbox modes, the thread as
// the customer sees it, and customer actions that take the sandbox's ingestion path. Acting as
// a phone needs the agent or admin role, and the console user is the actor of what it does.
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/index';
import { api as consoleApi, BASE, signIn, type Session } from '../console/helpers';
import { api, createProfile, enc, listMessages, quiesce, sandboxCallback, uniquePhone } from './helpers';

afterAll(() => quiesce());

let agent: Session;
let marketer: Session;
beforeAll(async () => {
  agent = await signIn('agent');
  marketer = await signIn('marketer');
});

const marketingStatus = async (phone: string) =>
  (await (await api('GET', `/v1/profiles/${enc(phone)}`)).json<{ consent: { marketing: { status: string } } }>()).consent.marketing.status;

interface PhoneJson {
  phone: string;
  name: string | null;
  mode: string;
  default_mode: boolean;
}

describe('/api/simulator', () => {
  it('needs a console session', async () => {
    const res = await consoleApi(null, '/api/simulator/phones');
    expect(res.status).toBe(401);
  });

  it('is off (404) when no provider is the sandbox', async () => {
    const res = await app.request(
      '/api/simulator/phones',
      { headers: { cookie: agent.cookie, origin: BASE } },
      { ...env, RCS_PROVIDER: 'rbm', SMS_PROVIDER: 'twilio' },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'sandbox_off' });
  });

  it.each([
    ['RCS is RBM and SMS the sandbox', { RCS_PROVIDER: 'rbm', SMS_PROVIDER: 'sandbox' }],
    ['RCS is the sandbox and SMS Twilio', { RCS_PROVIDER: 'sandbox', SMS_PROVIDER: 'twilio' }],
  ])('is off (404) when %s: a simulated START could reach a real customer', async (_name, providers) => {
    const phone = uniquePhone();
    await createProfile(phone);
    const res = await app.request(
      `/api/simulator/phones/${enc(phone)}/actions`,
      {
        method: 'POST',
        headers: { cookie: agent.cookie, origin: BASE, 'x-csrf-token': agent.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'reply', text: 'STOP' }),
      },
      { ...env, ...providers },
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'sandbox_off' });
    expect(await marketingStatus(phone)).toBe('subscribed');
  });

  it('refuses a marketer acting as a phone with 403: a START does not re-subscribe a customer who sent STOP', async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    expect((await sandboxCallback({ id: crypto.randomUUID(), phone, type: 'message', text: 'STOP', channel: 'sms' })).status).toBe(200);
    expect(await marketingStatus(phone)).toBe('unsubscribed');
    const res = await consoleApi(marketer, `/api/simulator/phones/${enc(phone)}/actions`, {
      method: 'POST',
      body: { type: 'reply', text: 'START' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
    expect(await marketingStatus(phone)).toBe('unsubscribed');
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['STOP']);
  });

  it("refuses a marketer switching a phone's mode with 403, keeping the old one", async () => {
    const phone = uniquePhone({ rcs: true });
    const res = await consoleApi(marketer, `/api/simulator/phones/${enc(phone)}`, { method: 'PUT', body: { mode: 'sms' } });
    expect(res.status).toBe(403);
    expect(await env.DB.prepare('SELECT mode FROM sandbox_phones WHERE phone = ?').bind(phone).first()).toBeNull();
  });

  it('lets a marketer look at the phones read-only', async () => {
    const res = await consoleApi(marketer, '/api/simulator/phones?limit=1');
    expect(res.status).toBe(200);
  });

  it("logs a START typed in the simulator as the console user's consent change, not the customer's", async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    expect((await sandboxCallback({ id: crypto.randomUUID(), phone, type: 'message', text: 'STOP', channel: 'sms' })).status).toBe(200);
    const res = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/actions`, {
      method: 'POST',
      body: { type: 'reply', text: 'START' },
    });
    expect(res.status).toBe(200);
    expect(await marketingStatus(phone)).toBe('subscribed');
    const log = await env.PROFILE.getByName(phone).consentLog(phone);
    const start = log.find((e) => e.purpose === 'marketing' && e.status === 'subscribed' && e.source === 'keyword');
    expect(start).toMatchObject({ text: 'START', actor: agent.user.id });
    // The STOP came from the (simulated) network itself: the customer's own, no actor.
    expect(log.find((e) => e.purpose === 'marketing' && e.status === 'unsubscribed')).toMatchObject({ text: 'STOP', actor: null });
  });

  it('lists directory profiles with their sandbox mode by the default rule (last digit even = RCS)', async () => {
    const rcs = uniquePhone({ rcs: true });
    const sms = uniquePhone({ rcs: false });
    await createProfile(rcs, { first_name: 'Rita', last_name: 'Cs' });
    await createProfile(sms, { first_name: 'Sam', last_name: 'Ms' });
    // Looked up by number: the directory holds every other suite's profiles too (a campaign
    // test alone adds a thousand), and new ones without activity list last.
    const find = async (phone: string) => {
      const res = await consoleApi(agent, `/api/simulator/phones?q=${encodeURIComponent(phone)}`);
      expect(res.status).toBe(200);
      return (await res.json<{ phones: PhoneJson[] }>()).phones.find((p) => p.phone === phone);
    };
    expect(await find(rcs)).toEqual(expect.objectContaining({ name: 'Rita Cs', mode: 'rcs', default_mode: true }));
    expect(await find(sms)).toEqual(expect.objectContaining({ name: 'Sam Ms', mode: 'sms', default_mode: true }));
  });

  it('finds a phone by name', async () => {
    const phone = uniquePhone();
    await createProfile(phone, { first_name: 'Zéphyrine', last_name: 'Quest' });
    const { phones } = await (await consoleApi(agent, '/api/simulator/phones?q=phyrine')).json<{ phones: PhoneJson[] }>();
    expect(phones.map((p) => p.phone)).toEqual([phone]);
  });

  it('switches a phone to SMS-only, and the next send goes out as SMS', async () => {
    const phone = uniquePhone({ rcs: true });
    await createProfile(phone);
    const put = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}`, { method: 'PUT', body: { mode: 'sms' } });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ phone, mode: 'sms', default_mode: false });
    const sent = await api('POST', '/v1/messages', {
      to: phone,
      purpose: 'transactional',
      content: { type: 'text', text: 'Your parcel left the warehouse.' },
    });
    expect(await sent.json()).toMatchObject({ channel: 'sms' });
  });

  it('refuses an unknown mode with 400 naming mode, and keeps the old one', async () => {
    const phone = uniquePhone({ rcs: true });
    const res = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}`, { method: 'PUT', body: { mode: 'carrier-pigeon' } });
    expect(res.status).toBe(400);
    expect((await res.json<{ details: { path: string }[] }>()).details.map((d) => d.path)).toContain('mode');
    const row = await env.DB.prepare('SELECT mode FROM sandbox_phones WHERE phone = ?').bind(phone).first();
    expect(row).toBeNull();
  });

  it('shows the customer what reached the phone, and the reply the customer sends lands in the thread', async () => {
    const phone = uniquePhone({ rcs: true });
    await createProfile(phone);
    const sent = await (
      await api('POST', '/v1/messages', { to: phone, purpose: 'transactional', content: { type: 'text', text: 'Order #7 confirmed' } })
    ).json<{ id: string }>();
    const reply = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/actions`, {
      method: 'POST',
      body: { type: 'reply', text: 'Thanks! When will it arrive?' },
    });
    expect(reply.status).toBe(200);

    const seen = await (await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/messages`)).json<{
      mode: string;
      messages: { id: string; direction: string; text?: string }[];
    }>();
    expect(seen.mode).toBe('rcs');
    expect(seen.messages.map((m) => m.id)).toContain(sent.id);
    expect(seen.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['Thanks! When will it arrive?']);
    expect((await listMessages(phone)).messages.some((m) => m.direction === 'in' && m.text === 'Thanks! When will it arrive?')).toBe(true);
  });

  it('sends a tap through the signed webhook, recorded with its postback', async () => {
    const phone = uniquePhone({ rcs: true });
    await createProfile(phone);
    const sent = await (
      await api('POST', '/v1/messages', {
        to: phone,
        purpose: 'transactional',
        content: {
          type: 'text',
          text: 'Order #8 confirmed',
          suggestions: [{ type: 'reply', text: 'Talk to someone', postback: 'talk_to_someone' }],
        },
      })
    ).json<{ id: string }>();
    const tap = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/actions`, {
      method: 'POST',
      body: { type: 'tap', message_id: sent.id, postback: 'talk_to_someone', text: 'Talk to someone' },
    });
    expect(tap.status).toBe(200);
    const inbound = (await listMessages(phone)).messages.filter((m) => m.direction === 'in');
    expect(inbound).toEqual([expect.objectContaining({ postback: 'talk_to_someone', kind: 'tap' })]);
  });

  it('refuses a tap from an SMS-only phone with 409 and records nothing', async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    const res = await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/actions`, {
      method: 'POST',
      body: { type: 'tap', message_id: 'x', postback: 'whatever', text: 'Tap' },
    });
    expect(res.status).toBe(409);
    expect((await listMessages(phone)).messages.filter((m) => m.direction === 'in')).toEqual([]);
  });

  it('takes STOP from the simulator like any carrier STOP: marketing is then refused', async () => {
    const phone = uniquePhone({ rcs: false });
    await createProfile(phone);
    await consoleApi(agent, `/api/simulator/phones/${enc(phone)}/actions`, { method: 'POST', body: { type: 'reply', text: 'Stop' } });
    const res = await api('POST', '/v1/messages', { to: phone, purpose: 'marketing', content: { type: 'text', text: 'Sale!' } });
    expect(res.status).toBe(422);
  });
});

describe('/api/brand', () => {
  it('answers the brand name, logo and colour', async () => {
    const res = await consoleApi(agent, '/api/brand');
    expect(res.status).toBe(200);
    const body = await res.json<{ name: string; logo_url: string; color: string }>();
    expect(body.name).toEqual(expect.any(String));
    expect(body.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(body.logo_url).toEqual(expect.any(String));
  });
});
