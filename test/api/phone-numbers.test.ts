// The one phone parser, at the API's edge: only `+`, digits, spaces and `( ) . -` (no number
// pulled out of free text, no extension silently dropped), and numbers checked against the full
// numbering plan (a range no carrier has allocated is a 400 saying so), while the fiction range
// of the demo data stays usable.
import { describe, expect, it } from 'vitest';
import { checkPhone, toE164 } from '../../schemas/phone';
import { api, enc } from './helpers';

interface ErrorJson {
  error: string;
  message: string;
  details: { path: string; message: string }[];
}

describe('phone numbers refused with 400', () => {
  it.each([
    ['+33612345678;DROP TABLE profiles', /may only contain \+, digits, spaces and \( \) \. -/],
    ['+33612345678 x 12', /may only contain .*no extension/],
    ['+33718546214', /\+33718546214 is in a range no carrier has allocated in FR/],
    ['+33870411093', /\+33870411093 is in a range no carrier has allocated in FR/],
    ['0612345678', /must start with \+ and the country code/],
  ])('PUT /v1/profiles/%s answers 400 with a clear message and creates nothing', async (raw, message) => {
    const res = await api('PUT', `/v1/profiles/${enc(raw)}`, { first_name: 'Nobody' });
    expect(res.status).toBe(400);
    const body = await res.json<ErrorJson>();
    expect(body.error).toBe('invalid_request');
    expect(body.message).toMatch(/^phone: /);
    expect(body.message).toMatch(message);
  });

  it.each(['+33612345678;DROP TABLE profiles', '+33612345678 x 12', '+33718546214', '+33870411093'])(
    'POST /v1/messages to %s answers 400 naming `to`, and sends nothing',
    async (to) => {
      const res = await api('POST', '/v1/messages', { to, purpose: 'transactional', content: { type: 'text', text: 'hello' } });
      expect(res.status).toBe(400);
      const body = await res.json<ErrorJson>();
      expect(body.details).toEqual([expect.objectContaining({ path: 'to' })]);
    },
  );
});

describe('the phone parser', () => {
  it('accepts the usual ways of writing a number and answers E.164', () => {
    expect(toE164('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(toE164('+1 (201) 555-0123')).toBe('+12015550123');
    expect(toE164('+44 20.7946.0958')).toBe('+442079460958');
  });

  it('reads a national number only in a country it is given', () => {
    expect(toE164('06 18 10 02 49')).toBeNull();
    expect(toE164('06 18 10 02 49', 'FR')).toBe('+33618100249');
  });

  it('keeps the ARCEP fiction range of the demo data, and nothing next to it', () => {
    expect(checkPhone('+33639980102')).toEqual({ ok: true, e164: '+33639980102' });
    expect(checkPhone('+33639123452').ok).toBe(false);
  });
});
