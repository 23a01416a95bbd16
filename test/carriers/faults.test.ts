// Carrier faults, end to end through the Profile's send pipeline against the local fakes: RBM
// and Twilio answering 500, 429 with Retry-After, an HTML error page, malformed JSON, or
// nothing before our timeout. Each message ends sent exactly once or failed with a readable
// reason, and the fakes' own bookkeeping (what the carrier accepted) shows nothing sent twice.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../worker/providers/http';
import { twilioSettings } from '../../worker/providers/twilio';
import { TwilioSmsProvider } from '../../worker/providers/twilio/provider';
import type { Profile } from '../../worker/profile.do';
import { advanceTo, messages, profile, setClock, text, timers, TUESDAY_10H_PARIS, uniquePhone } from '../profile/helpers';
import { query, rbm, requestsFor, script, type Reply } from './helpers';

const RBM = env.RBM_API_BASE;
const TWILIO = env.TWILIO_API_BASE;
const MESSAGES = '/2010-04-01/Accounts/ACtest00000000000000000000000000/Messages.json';
/** Fast backoff, a Retry-After of up to 2 s honoured, and a 1 s timeout per attempt. */
const FAULTS: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000, timeoutMs: 1_000 };
/** The carrier takes the message but answers after our timeout. */
const ACCEPTED_TOO_LATE: Reply = { status: 0, process: true, delayMs: 3_000 };
const HTML_PAGE = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';

const rbmError = (code: number, status: string, message: string): Reply => ({ status: code, body: { error: { code, message, status } } });

async function accepted<T>(base: string): Promise<T[]> {
  return ((await (await fetch(`${base}/__fake/state`)).json()) as { accepted: T[] }).accepted;
}
const rbmAccepted = async (id: string) => (await accepted<{ messageId: string }>(RBM)).filter((a) => a.messageId === id);
const twilioAccepted = async (phone: string) => (await accepted<{ to: string }>(TWILIO)).filter((a) => a.to === phone);
const rbmPosts = async (phone: string) => (await requestsFor(RBM, `/v1/phones/${phone}/agentMessages`)).filter((r) => r.method === 'POST');
const twilioPosts = async (phone: string) => (await requestsFor(TWILIO, `To=${phone}`)).filter((r) => r.path === MESSAGES);

/** The object's carriers with the fault policy; an SMS-only number when `smsOnly`. */
async function carriers(phone: string, smsOnly = false): Promise<void> {
  await setClock(phone, TUESDAY_10H_PARIS);
  if (smsOnly) await script(RBM, 'GET', `/v1/phones/${phone}/capabilities`, [rbmError(404, 'NOT_FOUND', 'not RCS-capable')]);
  await runInDurableObject(profile(phone), (p: Profile) => {
    p.core.rcsOverride = rbm({ retry: FAULTS });
    p.core.smsOverride = new TwilioSmsProvider({ ...twilioSettings(env), retry: FAULTS });
  });
}

async function send(phone: string, body: string): Promise<string> {
  const out = await profile(phone).send(phone, { purpose: 'transactional', content: text(body) });
  if (!out.ok) throw new Error(`send refused: ${out.message}`);
  return out.id;
}

/** Runs the Profile's retry timers until none is left (at most `max`); returns how many ran. */
async function drainRetries(phone: string, max = 10): Promise<number> {
  for (let i = 0; i < max; i++) {
    const retry = (await timers(phone)).find((t) => t.kind === 'retry');
    if (!retry) return i;
    await advanceTo(phone, retry.due_at);
  }
  throw new Error('retries never stopped');
}

async function only(phone: string) {
  const all = await messages(phone);
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('RBM faults', () => {
  it('500 on every attempt: bounded retries under one messageId, then failed with Google words', async () => {
    const phone = uniquePhone('rcs');
    await carriers(phone);
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, Array(30).fill(rbmError(500, 'INTERNAL', 'backend error')));
    const id = await send(phone, 'Your parcel is on its way');
    const rounds = await drainRetries(phone);
    expect(rounds).toBe(4);
    const posts = await rbmPosts(phone);
    // 3 attempts per dispatch (adapter) × 5 dispatches (the Profile's retries), then no more.
    expect(posts).toHaveLength(15);
    expect(new Set(posts.map((p) => query(p).messageId))).toEqual(new Set([id]));
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m.history.at(-1)?.reason).toBe('provider unavailable after 5 attempts: INTERNAL: backend error');
    expect(await rbmAccepted(id)).toHaveLength(0);
  });

  it('429 with Retry-After: waits as told, then sends once', async () => {
    const phone = uniquePhone('rcs');
    await carriers(phone);
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, [
      { ...rbmError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'), headers: { 'retry-after': '1' } },
    ]);
    const id = await send(phone, 'Your order shipped');
    const [first, second, ...more] = await rbmPosts(phone);
    expect(more).toHaveLength(0);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(await only(phone)).toMatchObject({ id, status: 'sent' });
    expect(await rbmAccepted(id)).toHaveLength(1);
  });

  it('an answer slower than the timeout: the retry reuses the messageId, RBM answers 409, and it counts as sent once', async () => {
    const phone = uniquePhone('rcs');
    await carriers(phone);
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, [ACCEPTED_TOO_LATE]);
    const id = await send(phone, 'Your order shipped');
    const posts = await rbmPosts(phone);
    expect(posts.map((p) => query(p).messageId)).toEqual([id, id]);
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'sent', channel: 'rcs' });
    expect((await timers(phone)).map((t) => t.kind)).toContain('deadline');
    expect(await rbmAccepted(id)).toHaveLength(1);
  });

  it('an HTML error page: retried, then failed with a readable reason (no markup)', async () => {
    const phone = uniquePhone('rcs');
    await carriers(phone);
    const page: Reply = { status: 502, body: HTML_PAGE, headers: { 'content-type': 'text/html' } };
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, Array(15).fill(page));
    const id = await send(phone, 'Your order shipped');
    await drainRetries(phone);
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m.history.at(-1)?.reason).toBe('provider unavailable after 5 attempts: RBM answered HTTP 502');
  });

  it('a 200 with malformed JSON is still a send: sent once, never retried', async () => {
    const phone = uniquePhone('rcs');
    await carriers(phone);
    await script(RBM, 'POST', `/v1/phones/${phone}/agentMessages`, [{ status: 200, process: true, body: '{"name": "phones/' }]);
    const id = await send(phone, 'Your order shipped');
    expect(await rbmPosts(phone)).toHaveLength(1);
    expect(await only(phone)).toMatchObject({ id, status: 'sent' });
    expect((await timers(phone)).some((t) => t.kind === 'retry')).toBe(false);
  });
});

describe('Twilio faults (no idempotency key: only what Twilio documents as not queued is retried)', () => {
  it('429 with Retry-After: waits as told, then sends once', async () => {
    const phone = uniquePhone('sms');
    await carriers(phone, true);
    await script(TWILIO, 'POST', `To=${phone}`, [
      { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 }, headers: { 'retry-after': '1' } },
    ]);
    const id = await send(phone, 'Your code is 1234');
    const [first, second, ...more] = await twilioPosts(phone);
    expect(more).toHaveLength(0);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(await only(phone)).toMatchObject({ id, status: 'sent', channel: 'sms' });
    expect(await twilioAccepted(phone)).toHaveLength(1);
  });

  it('503 on every attempt: retried (nothing was queued), then failed with the reason, nothing sent', async () => {
    const phone = uniquePhone('sms');
    await carriers(phone, true);
    const busy: Reply = { status: 503, body: { code: 20503, message: 'Service Unavailable', status: 503 } };
    await script(TWILIO, 'POST', `To=${phone}`, Array(15).fill(busy));
    const id = await send(phone, 'Your code is 1234');
    expect(await drainRetries(phone)).toBe(4);
    expect(await twilioPosts(phone)).toHaveLength(15);
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m.history.at(-1)?.reason).toBe('provider unavailable after 5 attempts: Service Unavailable');
    expect(await twilioAccepted(phone)).toHaveLength(0);
  });

  it('a 500 after Twilio queued the message: never resent, failed as outcome unknown, delivered once', async () => {
    const phone = uniquePhone('sms');
    await carriers(phone, true);
    await script(TWILIO, 'POST', `To=${phone}`, [
      { status: 500, process: true, body: HTML_PAGE, headers: { 'content-type': 'text/html' } },
    ]);
    const id = await send(phone, 'Your code is 1234');
    expect(await drainRetries(phone)).toBe(0);
    expect(await twilioPosts(phone)).toHaveLength(1);
    expect(await twilioAccepted(phone)).toHaveLength(1);
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m.history.at(-1)?.reason).toBe('outcome unknown (Twilio answered HTTP 500): not resent, the carrier may have accepted it');
  });

  it('an answer slower than the timeout: never resent, failed as outcome unknown', async () => {
    const phone = uniquePhone('sms');
    await carriers(phone, true);
    await script(TWILIO, 'POST', `To=${phone}`, [ACCEPTED_TOO_LATE]);
    const id = await send(phone, 'Your code is 1234');
    expect(await drainRetries(phone)).toBe(0);
    expect(await twilioPosts(phone)).toHaveLength(1);
    expect(await twilioAccepted(phone)).toHaveLength(1);
    const m = await only(phone);
    expect(m).toMatchObject({ id, status: 'failed' });
    expect(m.history.at(-1)?.reason).toBe(
      'outcome unknown (Twilio unreachable: no answer within 1 s): not resent, the carrier may have accepted it',
    );
  });

  it('a 201 with malformed JSON: Twilio created it, so it is sent, once', async () => {
    const phone = uniquePhone('sms');
    await carriers(phone, true);
    await script(TWILIO, 'POST', `To=${phone}`, [{ status: 201, process: true, body: '{"sid": "SM' }]);
    const id = await send(phone, 'Your code is 1234');
    expect(await drainRetries(phone)).toBe(0);
    expect(await twilioPosts(phone)).toHaveLength(1);
    expect(await only(phone)).toMatchObject({ id, status: 'sent', channel: 'sms' });
  });
});
