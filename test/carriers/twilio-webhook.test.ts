// Twilio webhooks: both signature test vectors from the docs, the default-port variants
// Twilio's validator accepts, inbound messages/media/taps, every status callback value,
// customer numbers normalized (or the event dropped), and forged or missing signatures
// refused with 401.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../worker/errors';
import { validateTwilioRequest } from '../../worker/providers/twilio/signature';
import { parseTwilioParams, twilioSignature } from '../../worker/providers/twilio/webhook';
import { postTwilio, uniquePhone } from './helpers';

const NOW = new Date('2026-02-03T04:05:06.000Z');
const AT = NOW.toISOString();
const parse = (p: Record<string, string>) => parseTwilioParams(new URLSearchParams(p), NOW).events;

describe('Twilio signature', () => {
  const v1 = new URLSearchParams({
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  });

  it('computes the first documented test vector', async () => {
    expect(await twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', v1)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('computes the second documented test vector', async () => {
    const p = new URLSearchParams({ Body: 'hi', From: 'rcs:+15551234567', MessageSid: 'SM1' });
    expect(await twilioSignature('secret', 'https://gateway.example.com/webhooks/rcs', p)).toBe('QYB6bLhZa+Zesj+IEnLcbIkL8bA=');
  });

  it('sorts parameters by name whatever order they were posted in', async () => {
    const shuffled = new URLSearchParams([
      ['To', '+18005551212'],
      ['Digits', '1234'],
      ['CallSid', 'CA1234567890ABCDE'],
      ['From', '+12349013030'],
      ['Caller', '+12349013030'],
    ]);
    expect(
      await validateTwilioRequest('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', 'https://mycompany.com/myapp.php?foo=1&bar=2', shuffled),
    ).toBe(true);
  });

  it('accepts the URL with and without the default port, as Twilio validator does', async () => {
    const withPort = await twilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', v1);
    expect(await validateTwilioRequest('12345', withPort, 'https://mycompany.com/myapp.php?foo=1&bar=2', v1)).toBe(true);
    expect(
      await validateTwilioRequest('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', v1),
    ).toBe(true);
  });

  it('refuses a changed parameter, another token, a missing or garbage header', async () => {
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const changed = new URLSearchParams(v1);
    changed.set('Digits', '9999');
    expect(await validateTwilioRequest('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, changed)).toBe(false);
    expect(await validateTwilioRequest('54321', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, v1)).toBe(false);
    expect(await validateTwilioRequest('12345', null, url, v1)).toBe(false);
    expect(await validateTwilioRequest('12345', '***', url, v1)).toBe(false);
  });
});

describe('Twilio inbound messages', () => {
  it('parses an SMS reply', () => {
    expect(
      parse({
        MessageSid: 'SM10',
        AccountSid: 'AC1',
        From: '+12015550101',
        To: '+15005550006',
        Body: 'Hello',
        NumMedia: '0',
        SmsStatus: 'received',
      }),
    ).toEqual([{ provider: 'twilio', type: 'message', id: 'SM10', phone: '+12015550101', at: AT, channel: 'sms', text: 'Hello' }]);
  });

  it('parses an RCS reply from an rcs: address with its media', () => {
    expect(
      parse({
        MessageSid: 'SM11',
        From: 'rcs:+12015550102',
        To: 'rcs:brand_agent',
        Body: '',
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/media/1',
        MediaContentType0: 'image/jpeg',
        MediaUrl1: 'https://api.twilio.com/media/2',
        MediaContentType1: 'video/mp4',
      }),
    ).toEqual([
      {
        provider: 'twilio',
        type: 'message',
        id: 'SM11',
        phone: '+12015550102',
        at: AT,
        channel: 'rcs',
        media: [
          { url: 'https://api.twilio.com/media/1', content_type: 'image/jpeg' },
          { url: 'https://api.twilio.com/media/2', content_type: 'video/mp4' },
        ],
      },
    ]);
  });

  it('parses a button tap into a tap whose postback is the ButtonPayload', () => {
    expect(
      parse({
        MessageSid: 'SM12',
        From: 'rcs:+12015550103',
        To: 'rcs:brand',
        Body: 'Yes',
        ButtonPayload: 'order-1:yes',
        ButtonText: 'Yes',
        ButtonType: 'QUICK_REPLY',
      }),
    ).toEqual([
      {
        provider: 'twilio',
        type: 'tap',
        id: 'SM12',
        phone: '+12015550103',
        at: AT,
        channel: 'rcs',
        postback: 'order-1:yes',
        text: 'Yes',
        kind: 'reply',
      },
    ]);
    expect(
      parse({ MessageSid: 'SM13', From: 'rcs:+12015550103', ButtonPayload: 'open', ButtonText: 'Open', ButtonType: 'URL' })[0],
    ).toMatchObject({ type: 'tap', kind: 'action' });
  });
});

describe('Twilio status callbacks', () => {
  const cb = (status: string, extra: Record<string, string> = {}) =>
    parse({
      MessageSid: 'SM20',
      MessageStatus: status,
      SmsStatus: status,
      From: '+15005550006',
      To: '+12015550104',
      AccountSid: 'AC1',
      ...extra,
    });

  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
    ['canceled', 'failed'],
    ['partially_delivered', 'delivered'],
  ])('records %s as %s, keyed by message sid and status', (status, normalized) => {
    const [e, ...rest] = cb(status);
    expect(rest).toHaveLength(0);
    expect(e).toMatchObject({
      provider: 'twilio',
      type: 'status',
      id: `SM20:${status}`,
      phone: '+12015550104',
      provider_message_id: 'SM20',
      status: normalized,
      channel: 'sms',
    });
  });

  it.each(['queued', 'accepted', 'scheduled', 'sending'])('acknowledges %s without recording anything', (status) => {
    expect(cb(status)).toEqual([]);
  });

  it('acknowledges a status it does not know yet', () => {
    expect(cb('some_future_status')).toEqual([]);
  });

  it('records the channel actually used from the rcs: sender and keeps the error code', () => {
    expect(cb('delivered', { From: 'rcs:brand_agent' })[0]).toMatchObject({ channel: 'rcs', status: 'delivered' });
    expect(cb('undelivered', { ErrorCode: '63018', ChannelPrefix: 'rcs', RcsWhatever: 'x' })[0]).toMatchObject({
      status: 'failed',
      error_code: '63018',
      reason: 'undelivered',
    });
  });

  it('answers 400 when MessageSid is missing', () => {
    expect(() => parse({ From: '+12015550105', Body: 'x' })).toThrow(HttpError);
  });
});

describe('POST /webhooks/twilio', () => {
  it('answers 401 when the signature is missing', async () => {
    const res = await postTwilio({ MessageSid: 'SM30', From: uniquePhone(), Body: 'hi' }, { signature: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 401 when the signature is forged', async () => {
    const res = await postTwilio({ MessageSid: 'SM31', From: uniquePhone(), Body: 'hi' }, { signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' });
    expect(res.status).toBe(401);
  });

  it('answers 401 when a parameter was tampered with after signing', async () => {
    const { twilioSignature } = await import('../../worker/providers/twilio/webhook');
    const sig = await twilioSignature(
      'test-twilio-auth-token',
      'https://console.example.test/webhooks/twilio',
      new URLSearchParams({ MessageSid: 'SM32', From: '+12015550106', Body: 'hi' }),
    );
    const res = await postTwilio({ MessageSid: 'SM32', From: '+12015550106', Body: 'STOP' }, { signature: sig });
    expect(res.status).toBe(401);
  });
});
