// Customer numbers in signed carrier webhooks go through the API's parser: a `whatsapp:` or
// `rcs:` prefix is stripped, a national number is read in the sender's country when the
// carrier (Twilio `FromCountry`) or the configuration (RBM_AGENT_COUNTRY) says it, and anything
// else is acknowledged with 200 and dropped: no profile, no message, no inbox row. Carrier media
// URLs follow our rule (https only).
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/index';
import { inboxStub } from '../../worker/inbox.do';
import { rbmSignature } from '../../worker/providers/rbm/webhook';
import { frenchMobile, messages, profile, subscribe } from '../profile/helpers';
import { postRbm, postTwilio } from './helpers';

/** A French mobile no other test uses, and the same number written nationally (06…). */
function frenchNumber(): { e164: string; national: string } {
  const eight = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000_000).padStart(8, '0');
  const e164 = frenchMobile(eight);
  return { e164, national: `0${e164.slice(3)}` };
}

const sid = () => `SM${crypto.randomUUID().replace(/-/g, '')}`;
const marketing = async (phone: string) => (await profile(phone).get(phone))?.consent.marketing.status;

/** Posts a signed RBM envelope through the app with other bindings (RBM_AGENT_COUNTRY). */
async function postRbmWith(decoded: unknown, bindings: Record<string, string>): Promise<Response> {
  const data = new TextEncoder().encode(JSON.stringify(decoded));
  const body = JSON.stringify({ message: { data: btoa(String.fromCharCode(...data)), messageId: crypto.randomUUID() } });
  const signature = await rbmSignature(env.RBM_CLIENT_TOKEN, data);
  return app.request(
    'https://console.example.test/webhooks/rbm',
    { method: 'POST', headers: { 'content-type': 'application/json', 'x-goog-signature': signature }, body },
    { ...env, ...bindings },
  );
}

/** Nothing anywhere for `raw`: no messages in a Profile named by it, no inbox conversation. */
async function nothingRecordedFor(raw: string): Promise<void> {
  expect(await messages(raw)).toEqual([]);
  expect(await inboxStub(env).get(raw)).toBeNull();
}

describe('Twilio customer numbers', () => {
  it('takes STOP from whatsapp:+33… as the STOP of +33…: the profile is opted out', async () => {
    const { e164 } = frenchNumber();
    await subscribe(e164);
    const res = await postTwilio({ MessageSid: sid(), From: `whatsapp:${e164}`, To: 'whatsapp:+15005550006', Body: 'STOP' });
    expect(res.status).toBe(200);
    expect(await marketing(e164)).toBe('unsubscribed');
    expect((await messages(e164)).filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['STOP']);
  });

  it('reads a national From in FromCountry', async () => {
    const { e164, national } = frenchNumber();
    await subscribe(e164);
    expect((await postTwilio({ MessageSid: sid(), From: national, FromCountry: 'FR', Body: 'STOP' })).status).toBe(200);
    expect(await marketing(e164)).toBe('unsubscribed');
  });

  it('acknowledges and drops a national From when the country is unknown', async () => {
    const { e164, national } = frenchNumber();
    await subscribe(e164);
    expect((await postTwilio({ MessageSid: sid(), From: national, Body: 'STOP' })).status).toBe(200);
    expect(await marketing(e164)).toBe('subscribed');
    await nothingRecordedFor(national);
  });

  it.each(['<script>alert(1)</script>', 'not-a-number', '+33618100249/../../x', '+33618100249;DROP TABLE profiles', '+33718546214'])(
    'acknowledges %s with 200 and records nothing',
    async (from) => {
      const res = await postTwilio({ MessageSid: sid(), From: from, Body: 'STOP' });
      expect(res.status).toBe(200);
      await nothingRecordedFor(from);
    },
  );

  it('drops a status callback whose To does not parse, with 200', async () => {
    const res = await postTwilio({ MessageSid: sid(), MessageStatus: 'delivered', To: 'not-a-number', From: '+15005550006' });
    expect(res.status).toBe(200);
    await nothingRecordedFor('not-a-number');
  });

  it('keeps the text but not a media URL that is not https', async () => {
    const { e164 } = frenchNumber();
    const res = await postTwilio({
      MessageSid: sid(),
      From: e164,
      Body: 'Here is the photo',
      NumMedia: '1',
      MediaUrl0: 'http://tracker.example/pixel.png',
      MediaContentType0: 'image/png',
    });
    expect(res.status).toBe(200);
    const [received] = (await messages(e164)).filter((m) => m.direction === 'in');
    expect(received).toMatchObject({ text: 'Here is the photo' });
    expect(received?.media).toBeUndefined();
  });
});

describe('RBM customer numbers', () => {
  it('reads a national senderPhoneNumber in RBM_AGENT_COUNTRY', async () => {
    const { e164, national } = frenchNumber();
    await subscribe(e164);
    const res = await postRbmWith(
      { senderPhoneNumber: national, messageId: crypto.randomUUID(), text: 'STOP' },
      { RBM_AGENT_COUNTRY: 'FR' },
    );
    expect(res.status).toBe(200);
    expect(await marketing(e164)).toBe('unsubscribed');
  });

  it('acknowledges and drops a national senderPhoneNumber when no country is configured', async () => {
    const { e164, national } = frenchNumber();
    await subscribe(e164);
    const res = await postRbm({ senderPhoneNumber: national, messageId: crypto.randomUUID(), text: 'STOP' });
    expect(res.status).toBe(200);
    expect(await marketing(e164)).toBe('subscribed');
    await nothingRecordedFor(national);
  });

  it.each(['<script>alert(1)</script>', 'not-a-number', '+33618100249/../../x', '+33870411093'])(
    'acknowledges senderPhoneNumber %s with 200 and records nothing',
    async (sender) => {
      const res = await postRbm({ senderPhoneNumber: sender, messageId: crypto.randomUUID(), text: 'STOP' });
      expect(res.status).toBe(200);
      await nothingRecordedFor(sender);
    },
  );

  it('drops a user file whose fileUri is not https, with 200', async () => {
    const { e164 } = frenchNumber();
    const res = await postRbm({
      senderPhoneNumber: e164,
      messageId: crypto.randomUUID(),
      userFile: { payload: { mimeType: 'image/png', fileUri: 'http://tracker.example/pixel.png', fileName: 'p.png' } },
    });
    expect(res.status).toBe(200);
    expect(await messages(e164)).toEqual([]);
  });
});
