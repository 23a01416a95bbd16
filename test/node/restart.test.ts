// The real Worker (`wrangler dev`) stopped and started again on the same persisted state, with
// Google RBM and Twilio played by the local fakes (what they accepted is the proof):
// - an RCS message nobody delivers, its fallback deadline pending at the stop: after the
//   restart the deadline fires from the Profile's stored alarm, and one SMS goes out;
// - a campaign stopped while its sends are in flight at a slow carrier: after the restart,
//   each recipient has received it exactly once;
// - and the whole output of every start (at log level `log`) holds none of the secrets the
//   vars file configured.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRbmFake } from '../fakes/rbm';
import type { Fake, Reply } from '../fakes/server';
import { startTwilioFake } from '../fakes/twilio';
import { API_KEY, api, type DevWorker, freePort, prepareState, SECRETS, startWorker, waitFor } from './dev-worker';

const FALLBACK_SECONDS = 30;
const RECIPIENTS = 30;

let rbm: Fake;
let twilio: Fake;
let dir: string;
let port: number;
let envFile: string;
let worker: DevWorker | null = null;
/** The output of every start that has stopped. */
const outputs: string[] = [];

/** A US number no other run uses (area 201, exchange 2xx–9xx). */
function usPhone(i: number): string {
  const [a = 0] = crypto.getRandomValues(new Uint32Array(1));
  return `+1201${200 + (a % 700)}${String((a + i) % 10_000).padStart(4, '0')}`;
}

async function start(): Promise<DevWorker> {
  worker = await startWorker(dir, port, envFile);
  return worker;
}

async function stop(): Promise<void> {
  await worker?.stop();
  if (worker) outputs.push(worker.output());
  worker = null;
}

async function fakeState<T>(fake: Fake): Promise<T[]> {
  return ((await (await fetch(`${fake.url}/__fake/state`)).json()) as { accepted: T[] }).accepted;
}
const script = (fake: Fake, method: string, match: string, replies: Reply[]) =>
  fetch(`${fake.url}/__fake/script`, { method: 'POST', body: JSON.stringify({ method, match, replies }) });

beforeAll(async () => {
  rbm = await startRbmFake();
  twilio = await startTwilioFake();
  dir = mkdtempSync(join(tmpdir(), 'rcs-restart-'));
  port = await freePort();
  envFile = prepareState(dir, port, { rbm: rbm.url, twilio: twilio.url }, { RCS_FALLBACK_SECONDS: String(FALLBACK_SECONDS) });
}, 180_000);

afterAll(async () => {
  await stop();
  await rbm?.close();
  await twilio?.close();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('the Worker stopped and restarted on the same state', () => {
  it('a pending RCS→SMS fallback deadline fires once after the restart', async () => {
    const w = await start();
    const phone = usPhone(0);
    const sent = await api<{ id: string; status: string; channel: string }>(w.url, 'POST', '/v1/messages', {
      to: phone,
      purpose: 'transactional',
      content: { type: 'text', text: 'Your parcel arrives today' },
      fallback_text: 'Your parcel arrives today (SMS)',
    });
    expect(sent).toMatchObject({ status: 'sent', channel: 'rcs' });
    const stoppedAt = Date.now();
    await stop();
    // Nothing of the deadline ran before the stop.
    expect((await fakeState<{ to: string }>(twilio)).filter((a) => a.to === phone)).toHaveLength(0);

    await start();
    const sms = await waitFor('the SMS fallback', FALLBACK_SECONDS * 1000 + 30_000, async () => {
      const to = (await fakeState<{ to: string; body: string | null }>(twilio)).filter((a) => a.to === phone);
      return to.length ? to : null;
    });
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(FALLBACK_SECONDS * 1000 - 2_000);
    // A little longer: a second alarm run, had the first one not cleared its timer, would send again.
    await new Promise((r) => setTimeout(r, 3_000));
    const after = (await fakeState<{ to: string; body: string | null }>(twilio)).filter((a) => a.to === phone);
    expect(after).toEqual(sms);
    expect(after.map((a) => a.body)).toEqual(['Your parcel arrives today (SMS)']);
    const revokes = (await (await fetch(`${rbm.url}/__fake/requests`)).json()) as { method: string; path: string }[];
    expect(revokes.filter((r) => r.method === 'DELETE' && r.path.includes(phone))).toHaveLength(1);
    const { messages } = await api<{ messages: { id: string; status: string; channel: string }[] }>(
      worker!.url,
      'GET',
      `/v1/profiles/${encodeURIComponent(phone)}/messages`,
    );
    expect(messages.map((m) => [m.channel, m.status])).toEqual([
      ['sms', 'sent'],
      ['rcs', 'fell_back'],
    ]);
    await stop();
  }, 300_000);

  it('a campaign stopped with its sends in flight at a slow carrier completes after the restart, each recipient once', async () => {
    const w = await start();
    // Each recipient's local time is early afternoon, whenever this runs: no quiet hours.
    const shift = 13 - new Date().getUTCHours();
    const timezone = shift === 0 ? 'Etc/GMT' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
    const phones = Array.from({ length: RECIPIENTS }, (_, i) => usPhone(i + 1));
    for (const phone of phones) {
      await api(w.url, 'PUT', `/v1/profiles/${encodeURIComponent(phone)}`, {
        first_name: 'Camille',
        timezone,
        consent: { marketing: 'subscribed', source: 'restart test' },
      });
      // The carrier takes 8 s to handle each send: the Worker is stopped while all of them wait.
      await script(rbm, 'POST', `/v1/phones/${phone}/agentMessages`, [{ status: 0, process: true, holdMs: 8_000 }]);
    }
    const { id } = await api<{ id: string }>(w.url, 'POST', '/v1/campaigns', {
      name: 'Restart test',
      content: { type: 'text', text: 'Spring sale, {{ first_name }}' },
      profiles: phones,
    });
    const posts = async () =>
      ((await (await fetch(`${rbm.url}/__fake/requests`)).json()) as { method: string; path: string; query: [string, string][] }[]).filter(
        (r) => r.method === 'POST' && phones.some((p) => r.path === `/v1/phones/${p}/agentMessages`),
      );
    await waitFor('every send to reach the carrier', 45_000, async () => ((await posts()).length >= RECIPIENTS ? true : null));
    await stop();

    await start();
    const done = await waitFor('the campaign to complete', 60_000, async () => {
      const c = await api<{ status: string; counts: { sent: number; recipients: number } }>(worker!.url, 'GET', `/v1/campaigns/${id}`);
      return c.status === 'sent' ? c : null;
    });
    expect(done.counts).toMatchObject({ recipients: RECIPIENTS, sent: RECIPIENTS });
    // What the carrier accepted: one message per recipient, whatever was sent again after the
    // restart (under the same messageId, answered 409).
    const accepted = (await fakeState<{ messageId: string; phone: string }>(rbm)).filter((a) => phones.includes(a.phone));
    expect(accepted.map((a) => a.phone).sort()).toEqual([...phones].sort());
    const perPhone = new Map<string, Set<string>>();
    for (const r of await posts()) {
      const phone = r.path.split('/')[3] ?? '';
      const messageId = new Map(r.query).get('messageId') ?? '';
      perPhone.set(phone, (perPhone.get(phone) ?? new Set()).add(messageId));
    }
    expect([...perPhone.values()].every((ids) => ids.size === 1)).toBe(true);
    await stop();
  }, 300_000);

  it("writes none of the configured secrets to the dev server's output, over every start", async () => {
    const w = await start();
    const origin = { origin: w.url, 'content-type': 'application/json' };
    // Sign-ins, right and wrong, and calls with a wrong key and forged signatures: what a log
    // line is most tempted to echo.
    const wrong = await fetch(`${w.url}/api/auth/login`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ email: 'admin@example.test', password: `${SECRETS.ADMIN_PASSWORD}x` }),
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${w.url}/api/auth/login`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ email: 'admin@example.test', password: SECRETS.ADMIN_PASSWORD }),
    });
    expect(right.status).toBe(200);
    const badKey = await fetch(`${w.url}/v1/profiles/%2B12015550100`, { headers: { authorization: `Bearer ${API_KEY}-wrong` } });
    expect(badKey.status).toBe(401);
    const twilioForged = await fetch(`${w.url}/webhooks/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      body: new URLSearchParams({ From: '+12015550100', Body: 'STOP', MessageSid: 'SMforged' }),
    });
    expect(twilioForged.status).toBe(401);
    const shopifyForged = await fetch(`${w.url}/webhooks/shopify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': 'Zm9yZ2Vk', 'x-shopify-topic': 'orders/create' },
      body: '{}',
    });
    expect(shopifyForged.status).toBe(401);
    // Restarted on the same state, a send the carrier first answers 500 (retried, logged).
    await stop();
    const again = await start();
    const phone = usPhone(99);
    await script(rbm, 'POST', `/v1/phones/${phone}/agentMessages`, [{ status: 500 }]);
    await api(again.url, 'POST', '/v1/messages', { to: phone, purpose: 'transactional', content: { type: 'text', text: 'Hello' } });
    await stop();

    const all = outputs.join('\n');
    // The runs did log (so the check reads something): each start announces itself. Run with
    // the whole file, this reads every start of the earlier tests too.
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    expect(all).toMatch(/Ready on http/);
    const serviceAccount = JSON.parse(readFileSync(new URL('../fixtures/rbm-service-account.json', import.meta.url), 'utf8')) as {
      private_key: string;
    };
    const keyBody = serviceAccount.private_key.split('\n').filter((l) => l && !l.startsWith('-----'));
    const found = [...Object.entries(SECRETS), ...keyBody.map((l, i) => [`private_key line ${i + 1}`, l] as const)].filter(([, secret]) =>
      all.includes(secret),
    );
    expect(found.map(([name]) => name)).toEqual([]);
  }, 300_000);
});
