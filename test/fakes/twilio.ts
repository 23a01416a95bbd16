// A fake Twilio REST API (Messages.json), Content API and inbound media, in Twilio's formats:
// HTTP Basic auth with the test account, form-encoded messages, JSON content templates, and a
// message's media answered with a redirect to a file host on another origin (as Twilio does).
import { randomBytes } from 'node:crypto';
import { cdnReply } from './media';
import { startFake, type Fake, type Reply } from './server';

export const TWILIO_TEST_ACCOUNT = { sid: 'ACtest00000000000000000000000000', token: 'test-twilio-auth-token' };

const twilioError = (status: number, code: number, message: string): Reply => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

export async function startTwilioFake(): Promise<Fake> {
  const expectedAuth = `Basic ${Buffer.from(`${TWILIO_TEST_ACCOUNT.sid}:${TWILIO_TEST_ACCOUNT.token}`).toString('base64')}`;
  /** Every message Twilio queued (no idempotency key: a repeated POST is a second message). */
  const accepted: { sid: string; to: string; body: string | null }[] = [];
  return startFake(
    (r, base) => {
      const cdn = cdnReply(r);
      if (cdn) return cdn;
      if (r.headers.authorization !== expectedAuth) return twilioError(401, 20003, 'Authenticate');
      const media = /^\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media\/([^/]+)$/.exec(r.path);
      if (r.method === 'GET' && media) {
        // `localhost` vs `127.0.0.1`: the same server, another origin, like Twilio's S3 redirect.
        return { status: 307, headers: { location: `${base.replace('127.0.0.1', 'localhost')}/cdn/${media[1]}` } };
      }
      if (r.method === 'POST' && r.path === `/2010-04-01/Accounts/${TWILIO_TEST_ACCOUNT.sid}/Messages.json`) {
        const f = new URLSearchParams(r.body);
        if (!f.get('To')) return twilioError(400, 21604, "A 'To' phone number is required.");
        if (!f.get('From') && !f.get('MessagingServiceSid'))
          return twilioError(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
        if (!f.get('Body') && !f.get('ContentSid') && !f.getAll('MediaUrl').length)
          return twilioError(400, 21602, 'Message body is required.');
        const sid = `SM${randomBytes(16).toString('hex')}`;
        accepted.push({ sid, to: f.get('To') ?? '', body: f.get('Body') });
        return {
          status: 201,
          body: {
            sid,
            account_sid: TWILIO_TEST_ACCOUNT.sid,
            to: f.get('To'),
            from: f.get('From'),
            messaging_service_sid: f.get('MessagingServiceSid'),
            body: f.get('Body'),
            status: f.get('MessagingServiceSid') ? 'accepted' : 'queued',
            num_segments: '1',
            num_media: String(f.getAll('MediaUrl').length),
            date_created: new Date().toUTCString(),
          },
        };
      }
      if (r.method === 'POST' && r.path === '/v1/Content') {
        const body = JSON.parse(r.body) as { friendly_name?: string; language?: string; types?: Record<string, unknown> };
        if (!body.language || !body.types || !Object.keys(body.types).length)
          return twilioError(400, 20001, 'Invalid content: language and types are required');
        return {
          status: 201,
          body: {
            sid: `HX${randomBytes(16).toString('hex')}`,
            account_sid: TWILIO_TEST_ACCOUNT.sid,
            friendly_name: body.friendly_name,
            language: body.language,
            types: body.types,
          },
        };
      }
      return twilioError(404, 20404, `The requested resource ${r.path} was not found`);
    },
    () => ({ accepted }),
  );
}
