// Files customers send are copied into R2 when the callback arrives (Twilio's media with the
// account's Basic auth, dropped on the redirect to the file host; RBM's fileUri as is) and the
// console only ever sees and loads our own /api/media/... address, behind its session. Files
// the Worker refuses (SVG, too big) or could not fetch stay at the carrier until an agent asks
// the Worker to load them.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../schemas/messages';
import { api as consoleApi, signIn, type Session } from '../console/helpers';
import { PIXEL_PNG_BASE64 } from '../fakes/media';
import { postRbm, postTwilio, requestsFor, script, uniquePhone } from './helpers';

let agent: Session;
beforeAll(async () => {
  agent = await signIn('agent');
});

const TWILIO = env.TWILIO_API_BASE;
const mediaUrlOf = (media: string) => `${TWILIO}/2010-04-01/Accounts/${env.TWILIO_ACCOUNT_SID}/Messages/MM${media}/Media/${media}`;

/** The thread as the console's message view gets it. */
async function thread(phone: string): Promise<MessageView[]> {
  const res = await consoleApi(agent, `/api/conversations/${encodeURIComponent(phone)}/messages`);
  expect(res.status).toBe(200);
  return (await res.json<{ messages: MessageView[] }>()).messages;
}

async function twilioPhoto(phone: string, media: string, contentType = 'image/png'): Promise<MessageView> {
  const res = await postTwilio({
    MessageSid: `MM${crypto.randomUUID().replace(/-/g, '')}`,
    From: phone,
    Body: 'Here is the damaged parcel',
    NumMedia: '1',
    MediaUrl0: mediaUrlOf(media),
    MediaContentType0: contentType,
  });
  expect(res.status).toBe(200);
  const [message] = (await thread(phone)).filter((m) => m.direction === 'in');
  if (!message) throw new Error('no inbound message');
  return message;
}

describe('inbound media from Twilio', () => {
  it('is copied into R2 and the thread exposes only our /api/media address', async () => {
    const phone = uniquePhone();
    const media = `ME${crypto.randomUUID().replace(/-/g, '')}.png`;
    const message = await twilioPhoto(phone, media);
    const [file] = message.media ?? [];
    expect(file).toMatchObject({ content_type: 'image/png', stored: true, source_url: mediaUrlOf(media) });
    expect(file?.url).toMatch(new RegExp(`^/api/media/inbound/${encodeURIComponent(phone)}/twilio-MM[0-9a-f]+/0$`));
    // What the console renders from: no absolute (third-party) address anywhere but the audit field.
    expect(JSON.stringify({ ...message, media: message.media?.map(({ source_url: _audit, ...rest }) => rest) })).not.toMatch(
      /https?:|127\.0\.0\.1|localhost/i,
    );
    // Twilio's media URL got the account's Basic auth; the file host it redirected to got none.
    const [apiCall] = await requestsFor(TWILIO, `/Media/${media}`);
    expect(apiCall?.headers.authorization).toMatch(/^Basic /);
    const [cdnCall] = await requestsFor(TWILIO, `/cdn/${media}`);
    expect(cdnCall?.headers.authorization).toBeUndefined();
  });

  it('is served to a signed-in console user with its type, inline, nosniff', async () => {
    const phone = uniquePhone();
    const message = await twilioPhoto(phone, `ME${crypto.randomUUID().replace(/-/g, '')}.png`);
    const url = message.media?.[0]?.url ?? '';
    const res = await consoleApi(agent, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="file-0\.png"$/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    // Private to the signed-in user, but the same bytes for good: the browser may keep them.
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(PIXEL_PNG_BASE64);
    expect((await consoleApi(null, url)).status).toBe(401);
  });

  it('refuses an SVG (it can run script): a placeholder, and loading it from the carrier fails with 502', async () => {
    const phone = uniquePhone();
    const message = await twilioPhoto(phone, `ME${crypto.randomUUID().replace(/-/g, '')}.svg`, 'image/svg+xml');
    const [file] = message.media ?? [];
    expect(file).toMatchObject({ stored: false });
    const res = await consoleApi(agent, file?.url ?? '');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'media_not_stored' });
    expect((await consoleApi(agent, `${file?.url}/load`, { method: 'POST' })).status).toBe(502);
  });

  it('does not copy a file larger than the limit', async () => {
    const phone = uniquePhone();
    const message = await twilioPhoto(phone, `ME${crypto.randomUUID().replace(/-/g, '')}.big`);
    expect(message.media?.[0]).toMatchObject({ stored: false });
  });

  it('loads from the carrier through the Worker when the first copy failed', async () => {
    const phone = uniquePhone();
    const media = `ME${crypto.randomUUID().replace(/-/g, '')}.png`;
    await script(TWILIO, 'GET', `/cdn/${media}`, [{ status: 503, body: 'busy' }]);
    const message = await twilioPhoto(phone, media);
    const [file] = message.media ?? [];
    expect(file).toMatchObject({ stored: false });
    expect((await consoleApi(agent, file?.url ?? '')).status).toBe(404);
    const load = await consoleApi(agent, `${file?.url}/load`, { method: 'POST' });
    expect(load.status).toBe(200);
    expect(await load.json()).toEqual({ url: file?.url, stored: true });
    const res = await consoleApi(agent, file?.url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });
});

describe('inbound media from RBM', () => {
  it('copies a user file from its fileUri as is', async () => {
    const phone = uniquePhone();
    const fileUri = `${env.RBM_API_BASE}/cdn/${crypto.randomUUID()}.png`;
    const res = await postRbm({
      senderPhoneNumber: phone,
      messageId: crypto.randomUUID(),
      userFile: { payload: { mimeType: 'image/png', fileSizeBytes: 68, fileUri, fileName: 'photo.png' } },
    });
    expect(res.status).toBe(200);
    const [message] = (await thread(phone)).filter((m) => m.direction === 'in');
    expect(message?.media).toEqual([
      {
        url: expect.stringMatching(/^\/api\/media\/inbound\//),
        content_type: 'image/png',
        source_url: fileUri,
        key: expect.any(String),
        stored: true,
      },
    ]);
    expect((await consoleApi(agent, message?.media?.[0]?.url ?? '')).status).toBe(200);
  });
});

describe('/api/media', () => {
  it('answers 404 to a key outside the inbound files, whatever the path says', async () => {
    for (const path of [
      '/api/media/inbound/%2B12015550123/..%2F..%2Fx/0',
      '/api/media/inbound/%2B12015550123/other-x/0',
      '/api/media/library/x',
    ]) {
      expect([400, 404]).toContain((await consoleApi(agent, path)).status);
    }
  });
});
