// The hostile corpus: malformed, mistyped, huge and deeply nested bodies, hostile text in every
// text field, bad and foreign phone numbers, script and data URLs, forged postbacks and replayed
// webhooks, on every public route and webhook. Each answer is a 4xx in the one error shape or a
// harmless record (Probe in hostile-kit.ts); afterwards the data made before is intact and a
// valid request still works. The count of requests tried is printed for docs/reliability.md.
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signShopifyPayload } from '../../worker/providers/shopify/webhook';
import { API_KEY, createProfile, listMessages, quiesce, sandboxCallback, uniquePhone } from '../api/helpers';
import { BASE, type Session, signIn, unique } from '../console/helpers';
import {
  deepArray,
  deepObject,
  FOREIGN_PHONES,
  HOSTILE_TEXT,
  HOSTILE_URLS,
  HTTP_URL,
  INVALID_PHONES,
  MALFORMED_JSON,
  Probe,
  setAt,
  stringPaths,
  WRONG_TYPES,
} from './hostile-kit';
import { type Auth, type Rows, type Target, targets } from './hostile-targets';

const probe = new Probe();
let admin: Session;
let phone = '';
let other = '';
let witness = '';
let witnessBefore = '';
let rows: Rows = { label: '', user: '', canned: '', segment: '' };

// Addresses of their own (IPv6 documentation range): the throttles of other suites count theirs.
const ip = () => `2001:db8:c0::${Math.floor(Math.random() * 65_535).toString(16)}`;

function headers(auth: Auth, contentType = 'application/json'): Record<string, string> {
  const h: Record<string, string> = { 'content-type': contentType, origin: BASE };
  if (auth === 'key') h.authorization = `Bearer ${API_KEY}`;
  if (auth === 'admin') Object.assign(h, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
  // Sign-in is throttled per address: the corpus must not lock out the other suites' "local".
  if (auth === 'login') h['cf-connecting-ip'] = ip();
  return h;
}

const send = (t: Target, what: string, body: string, opts: Parameters<Probe['send']>[3] = {}, contentType?: string) =>
  probe.send(`${t.method} ${t.path} ${what}`, `${BASE}${t.path}`, { method: t.method, headers: headers(t.auth, contentType), body }, opts);

const is4xx = (a: { status: number }) => (a.status >= 400 && a.status < 500 ? null : 'expected a 4xx');
const is400 = (a: { status: number }) => (a.status === 400 ? null : 'expected 400');
const pathName = (path: readonly (string | number)[]) => path.join('.');

async function witnessState(): Promise<string> {
  const res = await exports.default.fetch(`${BASE}/v1/profiles/${encodeURIComponent(witness)}`, {
    headers: { authorization: `Bearer ${API_KEY}` },
  });
  const profile = await res.json<Record<string, unknown>>();
  return JSON.stringify({ profile, messages: (await listMessages(witness)).messages.map((m) => [m.id, m.direction, m.text]) });
}

beforeAll(async () => {
  admin = await signIn('admin');
  phone = uniquePhone();
  other = uniquePhone();
  witness = uniquePhone();
  await createProfile(phone);
  await createProfile(witness, { first_name: 'Witness' });
  for (const p of [phone, witness]) {
    const res = await sandboxCallback({ id: unique('in_'), phone: p, type: 'message', channel: 'rcs', text: 'hello' });
    if (res.status !== 200) throw new Error(`inbound ${res.status}`);
  }
  const create = async (path: string, body: unknown, auth: Auth = 'admin') => {
    const res = await exports.default.fetch(`${BASE}${path}`, { method: 'POST', headers: headers(auth), body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json<{ id: string; name: string }>();
  };
  const definition = { all: [{ field: 'country', op: 'in', value: ['FR'] }] };
  rows = {
    label: (await create('/api/labels', { name: unique('l') })).name,
    user: (
      await create('/api/users', { email: `${unique('u')}@example.test`, name: 'Corpus agent', role: 'agent', password: 'a long password' })
    ).id,
    canned: (await create('/api/canned-responses', { shortcut: unique('s').toLowerCase(), title: 'T', text: 'Text' })).id,
    segment: (await create('/api/segments', { name: unique('seg'), definition })).id,
  };
  witnessBefore = await witnessState();
});

afterAll(async () => {
  console.log(`hostile corpus: ${probe.count} hostile requests tried, ${probe.problems.length} problems`);
  await quiesce([phone, other, witness]);
});

describe('hostile corpus on every public route', { timeout: 180_000 }, () => {
  for (const t of targets('+33600000000', '+33600000001', { label: 'l', user: '{user}', canned: '{canned}', segment: '{segment}' }).map(
    (x, i) => ({ x, i }),
  )) {
    it(`${t.x.method} ${t.x.path.replace('%2B33600000000', '{phone}').replace(/%7B|%7D/g, '')}: bad bodies get a clear 4xx, hostile text is harmless`, async () => {
      const target = targets(phone, other, rows)[t.i]!;
      const start = probe.problems.length;
      for (const raw of MALFORMED_JSON) {
        const proto = raw.includes('__proto__') || raw.includes('constructor');
        await send(target, `malformed ${JSON.stringify(raw.slice(0, 20))}`, raw, { expect: proto ? undefined : is4xx });
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      await send(target, 'not JSON', 'a=1', { expect: (a) => (a.status === 415 ? null : 'expected 415') }, 'text/plain');
      const huge = JSON.stringify({ ...target.body(), pad: 'x'.repeat(300 * 1024) });
      await send(target, 'huge', huge, { expect: (a) => (a.status === 413 ? null : 'expected 413') });
      await send(target, 'deep array', deepArray(100_000), { expect: is4xx });
      await send(target, 'deep object', deepObject(100_000), { expect: is4xx });
      await send(target, 'unknown field', JSON.stringify({ ...target.body(), is_admin: true }), { expect: is400 });
      if (!target.shapeOnly) {
        const base = target.body();
        for (const key of Object.keys(base)) {
          for (const wrong of WRONG_TYPES)
            await send(target, `${key}=${JSON.stringify(wrong).slice(0, 20)}`, JSON.stringify({ ...base, [key]: wrong }), { field: key });
          const nested = JSON.stringify({ ...base, [key]: JSON.parse(deepObject(50)) });
          await send(target, `${key} nested 50 deep`, nested, { field: key });
        }
        for (const path of stringPaths(base)) {
          for (const text of HOSTILE_TEXT)
            await send(target, `${pathName(path)}=${JSON.stringify(text.slice(0, 16))}`, JSON.stringify(setAt(target.body(), path, text)));
        }
        for (const path of target.phones ?? []) {
          for (const bad of INVALID_PHONES)
            await send(target, `${pathName(path)}=${JSON.stringify(bad)}`, JSON.stringify(setAt(target.body(), path, bad)), {
              field: pathName(path),
              expect: is400,
            });
          for (const foreign of FOREIGN_PHONES)
            await send(target, `${pathName(path)}=${foreign}`, JSON.stringify(setAt(target.body(), path, foreign)));
        }
        for (const path of target.urls ?? []) {
          for (const url of HOSTILE_URLS)
            await send(target, `${pathName(path)}=${url}`, JSON.stringify(setAt(target.body(), path, url)), {
              field: pathName(path),
              expect: is400,
            });
          // Media must be https (carriers fetch it); a plain http link is a link like any other.
          const media = path.includes('media');
          await send(
            target,
            `${pathName(path)}=${HTTP_URL}`,
            JSON.stringify(setAt(target.body(), path, HTTP_URL)),
            media ? { field: pathName(path), expect: is400 } : {},
          );
        }
      }
      expect(probe.problems.slice(start)).toEqual([]);
    });
  }
});

describe('bodies that are JSON but not an object', { timeout: 180_000 }, () => {
  // Every body of the API is an object; an array passed the object schemas whose fields are all
  // optional (valibot's object check accepts arrays) and was answered 200 as an empty change.
  it.each([
    ['PUT', '/v1/profiles/{phone}', 'key'],
    ['PATCH', '/api/conversations/{phone}', 'admin'],
    ['PUT', '/api/settings', 'admin'],
    ['PUT', '/api/flows/order_confirmation', 'admin'],
  ] as const)('%s %s refuses an array body with 400 naming the body', async (method, path, auth) => {
    for (const raw of ['[]', '[{"status":"open"}]', '"text"', '42', 'null']) {
      const res = await exports.default.fetch(`${BASE}${path.replace('{phone}', encodeURIComponent(phone))}`, {
        method,
        headers: headers(auth),
        body: raw,
      });
      probe.count += 1;
      expect(res.status, raw).toBe(400);
      expect(await res.json(), raw).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('body') });
    }
  });
});

describe('hostile input that is accepted stays text', { timeout: 180_000 }, () => {
  it('keeps a note, a name and a customer text with markup verbatim, as JSON strings', async () => {
    const start = probe.problems.length;
    const markup = '<img src=x onerror=alert(1)> <script>alert(1)</script> 🏳️‍🌈 \u202Eabc';
    await probe.send('note', `${BASE}/api/conversations/${encodeURIComponent(phone)}/notes`, {
      method: 'POST',
      headers: headers('admin'),
      body: JSON.stringify({ text: markup }),
    });
    await probe.send('profile name', `${BASE}/v1/profiles/${encodeURIComponent(phone)}`, {
      method: 'PUT',
      headers: headers('key'),
      body: JSON.stringify({ first_name: markup.slice(0, 90) }),
    });
    const inbound = await sandboxCallback({ id: unique('in_'), phone, type: 'message', channel: 'rcs', text: markup });
    probe.count += 1;
    expect(inbound.status).toBe(200);
    const texts = (await listMessages(phone)).messages.map((m) => m.text);
    expect(texts.filter((t) => t === markup)).toHaveLength(2);
    const profile = await (
      await exports.default.fetch(`${BASE}/v1/profiles/${encodeURIComponent(phone)}`, { headers: headers('key') })
    ).json<{ first_name: string }>();
    expect(profile.first_name).toBe(markup.slice(0, 90));
    expect(probe.problems.slice(start)).toEqual([]);
  });
});

describe('webhooks and public pages', { timeout: 180_000 }, () => {
  it('answers hostile signed sandbox callbacks with a 400 naming the field or a harmless record', async () => {
    const start = probe.problems.length;
    const post = (what: string, body: string, signature: Promise<string> | string) =>
      Promise.resolve(signature).then((sig) =>
        probe.send(`sandbox ${what}`, `${BASE}/webhooks/sandbox`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sandbox-signature': sig },
          body,
        }),
      );
    const { signSandboxPayload } = await import('../../worker/providers/sandbox/webhook');
    const signed = async (what: string, body: string, opts: Parameters<Probe['send']>[3] = {}) =>
      probe.send(
        `sandbox ${what}`,
        `${BASE}/webhooks/sandbox`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sandbox-signature': await signSandboxPayload(env.SANDBOX_SECRET, body) },
          body,
        },
        opts,
      );
    const base = () => ({ id: unique('in_'), phone: other, type: 'message', channel: 'rcs', text: 'hi' });
    for (const raw of MALFORMED_JSON) await signed(`malformed ${raw.slice(0, 12)}`, raw, { expect: is4xx });
    await signed('huge', JSON.stringify({ ...base(), text: 'x'.repeat(100 * 1024) }), { expect: is4xx });
    await signed('deep', deepArray(100_000), { expect: is4xx });
    for (const key of Object.keys(base()))
      for (const wrong of WRONG_TYPES) await signed(`${key} wrong`, JSON.stringify({ ...base(), [key]: wrong }), { field: key });
    for (const text of HOSTILE_TEXT) await signed(`text ${text.slice(0, 12)}`, JSON.stringify({ ...base(), text }));
    for (const bad of INVALID_PHONES)
      await signed(`phone ${bad}`, JSON.stringify({ ...base(), phone: bad }), { field: 'phone', expect: is400 });
    for (const foreign of FOREIGN_PHONES) await signed(`phone ${foreign}`, JSON.stringify({ ...base(), phone: foreign }));
    for (const url of HOSTILE_URLS)
      await signed(`media ${url}`, JSON.stringify({ ...base(), media: [{ url, content_type: 'image/png' }] }));
    await post('garbage signature', JSON.stringify(base()), '%%%');
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('records a replayed signed callback once', async () => {
    const payload = { id: unique('in_'), phone: other, type: 'message', channel: 'rcs', text: `replayed ${unique()}` };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await sandboxCallback(payload)).status);
    probe.count += 5;
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    expect((await listMessages(other)).messages.filter((m) => m.text === payload.text)).toHaveLength(1);
  });

  it('records a forged postback naming another profile’s message as an untraced tap of its own profile', async () => {
    const sent = await exports.default.fetch(`${BASE}/v1/messages`, {
      method: 'POST',
      headers: headers('key'),
      body: JSON.stringify({
        to: witness,
        purpose: 'transactional',
        content: { type: 'text', text: 'Pick one', suggestions: [{ type: 'reply', text: 'Yes' }] },
      }),
    });
    expect(sent.status).toBe(202);
    const { id } = await sent.json<{ id: string }>();
    witnessBefore = await witnessState();
    const forged = await sandboxCallback({
      id: unique('tap_'),
      phone: other,
      type: 'tap',
      channel: 'rcs',
      postback: `m.${id}.0`,
      text: 'Yes',
    });
    probe.count += 1;
    expect(forged.status).toBe(200);
    const tap = (await listMessages(other)).messages.find((m) => m.postback === `m.${id}.0`) as { in_reply_to?: string | null } | undefined;
    expect(tap?.in_reply_to).toBeNull();
    expect(await witnessState()).toBe(witnessBefore);
  });

  it('answers hostile Shopify webhooks, signed and replayed, with a 4xx or one record', async () => {
    const start = probe.problems.length;
    const post = async (what: string, body: string, id = unique('w'), opts: Parameters<Probe['send']>[3] = {}) =>
      probe.send(
        `shopify ${what}`,
        `${BASE}/webhooks/shopify`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'customers/create',
            'x-shopify-webhook-id': id,
            'x-shopify-hmac-sha256': await signShopifyPayload(env.SHOPIFY_WEBHOOK_SECRET ?? '', body),
          },
          body,
        },
        opts,
      );
    for (const raw of MALFORMED_JSON) await post(`malformed ${raw.slice(0, 12)}`, raw);
    await post('deep', deepArray(100_000));
    for (const text of HOSTILE_TEXT) await post(`name ${text.slice(0, 12)}`, JSON.stringify({ id: 1, first_name: text, phone: other }));
    for (const bad of [...INVALID_PHONES, ...FOREIGN_PHONES]) await post(`phone ${bad}`, JSON.stringify({ id: 2, phone: bad }));
    const replay = JSON.stringify({ id: 3, phone: other, first_name: 'Once' });
    const id = unique('w');
    for (let i = 0; i < 3; i++) await post('replay', replay, id);
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('answers hostile signup forms and short links without reflecting markup', async () => {
    const start = probe.problems.length;
    for (const typed of [...INVALID_PHONES, ...HOSTILE_TEXT, ...FOREIGN_PHONES]) {
      const body = new URLSearchParams({ phone: typed, lang: 'en' }).toString();
      await probe.send(
        `subscribe ${typed.slice(0, 16)}`,
        `${BASE}/subscribe`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip() },
          body,
        },
        { page: true },
      );
    }
    await probe.send(
      'subscribe huge',
      `${BASE}/subscribe`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `phone=${'1'.repeat(10_000)}` },
      { page: true },
    );
    await probe.send('subscribe lang', `${BASE}/subscribe?lang=<script>alert(1)</script>`, {}, { page: true });
    for (const code of ['<script>', "' OR 1=1 --", '..%2F..%2Fetc', 'x'.repeat(5000), '%00', 'javascript:alert(1)', '🏳️‍🌈']) {
      await probe.send(
        `short link ${code.slice(0, 12)}`,
        `${BASE}/l/${encodeURIComponent(code)}`,
        { redirect: 'manual' },
        // A page the customer's browser opens: plain text, not the API's JSON.
        { page: true, expect: (a) => (a.status === 404 ? null : 'expected 404') },
      );
    }
    expect(probe.problems.slice(start)).toEqual([]);
  });
});

describe('hostile files and path parameters', { timeout: 180_000 }, () => {
  it('refuses scripts dressed as images, and serves a polyglot only as the image it claims to be', async () => {
    const start = probe.problems.length;
    const upload = (what: string, body: BodyInit, type: string, expect?: (a: { status: number }) => string | null) =>
      probe.send(
        `upload ${what}`,
        `${BASE}/api/media/library?name=${encodeURIComponent('<script>.png')}`,
        {
          method: 'POST',
          headers: { ...headers('admin', type) },
          body,
        },
        { expect },
      );
    const refused = (a: { status: number }) => (a.status === 415 || a.status === 400 ? null : 'expected 415');
    await upload('svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/png', refused);
    await upload('svg as svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', refused);
    await upload('html named png', '<!doctype html><script>alert(1)</script>', 'image/png', refused);
    await upload('empty', '', 'image/png', is4xx);
    const { png } = await import('../api/media-files');
    const head = png(1, 1);
    const polyglot = new Uint8Array([...head, ...new TextEncoder().encode('<script>alert(1)</script>')]);
    const answer = await upload('polyglot', polyglot, 'text/html');
    if (answer.status === 201 || answer.status === 200) {
      const { url } = answer.json as { url: string };
      const res = await exports.default.fetch(`${BASE}${new URL(url).pathname}`);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(probe.problems.slice(start)).toEqual([]);
  });

  it('answers hostile phone numbers and ids in paths with a 4xx', async () => {
    const start = probe.problems.length;
    const bad = [...INVALID_PHONES.filter(Boolean), '..%2F..%2Fapi%2Fusers', '%00', 'x'.repeat(5000), "' OR 1=1 --"];
    for (const value of bad) {
      const seg = value.includes('%') ? value : encodeURIComponent(value);
      for (const [path, auth] of [
        [`/v1/profiles/${seg}`, 'key'],
        [`/v1/profiles/${seg}/messages`, 'key'],
        [`/api/conversations/${seg}`, 'admin'],
        [`/api/segments/${seg}`, 'admin'],
        [`/v1/campaigns/${seg}`, 'key'],
      ] as const) {
        await probe.send(`GET ${path.slice(0, 60)}`, `${BASE}${path}`, { headers: headers(auth) }, { expect: is4xx });
      }
    }
    expect(probe.problems.slice(start)).toEqual([]);
  });
});

describe('after the corpus', { timeout: 180_000 }, () => {
  it('lost nothing: the witness profile and thread are unchanged and a valid send still works', async () => {
    expect(await witnessState()).toBe(witnessBefore);
    const res = await exports.default.fetch(`${BASE}/v1/messages`, {
      method: 'POST',
      headers: headers('key'),
      body: JSON.stringify({ to: witness, purpose: 'transactional', content: { type: 'text', text: 'Still here' } }),
    });
    expect(res.status).toBe(202);
    expect((await listMessages(witness)).messages.some((m) => m.text === 'Still here' || m.direction === 'out')).toBe(true);
    expect(probe.count).toBeGreaterThan(1000);
  });
});
