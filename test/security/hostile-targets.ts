// The routes the hostile corpus attacks, each with a valid body to mutate (fresh ids each call,
// so a dedupe never hides a check) and the paths of its phone and URL fields. Settings and
// flows are global to the deployment that other suites share: only refused bodies go there.
import { unique } from '../console/helpers';

export type Auth = 'key' | 'admin' | 'login';

export interface Target {
  method: string;
  path: string;
  auth: Auth;
  body: () => Record<string, unknown>;
  phones?: (string | number)[][];
  urls?: (string | number)[][];
  /** Mutate only the body's shape (malformed, huge, deep, unknown field): no valid change. */
  shapeOnly?: boolean;
}

const definition = { all: [{ field: 'country', op: 'in', value: ['FR'] }] };

/** Rows made before the corpus runs, for the routes that change one. */
export interface Rows {
  label: string;
  user: string;
  canned: string;
  segment: string;
}

/** `phone` owns the conversation the console routes write to; `other` is a second customer. */
export function targets(phone: string, other: string, rows: Rows): Target[] {
  const { label } = rows;
  const p = encodeURIComponent(phone);
  const card = () => ({
    type: 'card',
    card: {
      title: 'Your order',
      description: 'Arrives Thursday',
      media: { url: 'https://shop.example/a.png', alt: 'parcel' },
      buttons: [{ type: 'url', text: 'Track', url: 'https://shop.example/track' }],
    },
    suggestions: [{ type: 'reply', text: 'Thanks' }],
  });
  return [
    {
      method: 'PUT',
      path: `/v1/profiles/${p}`,
      auth: 'key',
      body: () => ({
        first_name: 'Ann',
        last_name: 'Lee',
        email: 'ann@example.test',
        locale: 'fr-FR',
        timezone: 'Europe/Paris',
        properties: { note: 'vip' },
        consent: { marketing: 'subscribed', source: 'corpus' },
      }),
    },
    {
      method: 'POST',
      path: '/v1/messages',
      auth: 'key',
      body: () => ({ to: phone, purpose: 'transactional', idempotency_key: unique('k'), content: card() }),
      phones: [['to']],
      urls: [
        ['content', 'card', 'media', 'url'],
        ['content', 'card', 'buttons', 0, 'url'],
      ],
    },
    {
      method: 'POST',
      path: '/v1/events',
      auth: 'key',
      body: () => ({ phone, name: 'Viewed Product', properties: { sku: 'a1' }, value: 3, id: unique('e') }),
      phones: [['phone']],
    },
    { method: 'POST', path: '/v1/segments', auth: 'key', body: () => ({ name: unique('seg'), definition }) },
    { method: 'POST', path: '/v1/campaigns/audience', auth: 'key', body: () => ({ profiles: [phone] }), phones: [['profiles', 0]] },
    {
      method: 'POST',
      path: '/v1/campaigns',
      auth: 'key',
      body: () => ({ name: unique('camp'), profiles: [phone], content: { type: 'text', text: 'Hello' } }),
      phones: [['profiles', 0]],
    },
    {
      method: 'POST',
      path: '/v1/subscriptions',
      auth: 'key',
      body: () => ({ phone: other, source: 'corpus', double_opt_in: false }),
      phones: [['phone']],
    },
    {
      method: 'POST',
      path: `/api/conversations/${p}/messages`,
      auth: 'admin',
      body: () => ({ content: card() }),
      urls: [
        ['content', 'card', 'media', 'url'],
        ['content', 'card', 'buttons', 0, 'url'],
      ],
    },
    { method: 'POST', path: `/api/conversations/${p}/notes`, auth: 'admin', body: () => ({ text: 'a note' }) },
    { method: 'PATCH', path: `/api/conversations/${p}`, auth: 'admin', body: () => ({ status: 'open', labels: [label] }) },
    {
      method: 'POST',
      path: `/api/conversations/${p}/consent`,
      auth: 'admin',
      body: () => ({ purpose: 'transactional', status: 'subscribed', reason: 'asked by phone' }),
    },
    { method: 'POST', path: `/api/conversations/${p}/opt-out`, auth: 'admin', body: () => ({ message_id: 'not-a-message' }) },
    {
      method: 'POST',
      path: '/api/canned-responses',
      auth: 'admin',
      body: () => ({ shortcut: unique('s').toLowerCase(), title: 'Hours', text: 'We open at 9' }),
    },
    { method: 'POST', path: '/api/labels', auth: 'admin', body: () => ({ name: unique('l') }) },
    {
      method: 'POST',
      path: '/api/users',
      auth: 'admin',
      body: () => ({ email: `${unique('u')}@example.test`, name: 'New agent', role: 'agent', password: 'a long password' }),
    },
    { method: 'POST', path: '/api/api-keys', auth: 'admin', body: () => ({ name: 'corpus key' }) },
    {
      method: 'POST',
      path: '/api/preview',
      auth: 'admin',
      body: () => ({ content: card(), purpose: 'marketing', phone }),
      phones: [['phone']],
      urls: [
        ['content', 'card', 'media', 'url'],
        ['content', 'card', 'buttons', 0, 'url'],
      ],
    },
    { method: 'POST', path: '/api/segments/preview', auth: 'admin', body: () => ({ definition }) },
    { method: 'POST', path: '/api/segments', auth: 'admin', body: () => ({ name: unique('seg'), definition }) },
    { method: 'POST', path: '/api/campaigns/audience', auth: 'admin', body: () => ({ profiles: [phone] }), phones: [['profiles', 0]] },
    { method: 'PATCH', path: `/api/users/${rows.user}`, auth: 'admin', body: () => ({ name: 'Renamed agent' }) },
    {
      method: 'PATCH',
      path: `/api/canned-responses/${rows.canned}`,
      auth: 'admin',
      body: () => ({ title: 'New title', text: 'New text' }),
    },
    { method: 'PATCH', path: `/api/segments/${rows.segment}`, auth: 'admin', body: () => ({ name: unique('seg') }) },
    {
      method: 'POST',
      path: '/api/campaigns',
      auth: 'admin',
      body: () => ({ name: unique('camp'), profiles: [phone], content: card() }),
      phones: [['profiles', 0]],
      urls: [
        ['content', 'card', 'media', 'url'],
        ['content', 'card', 'buttons', 0, 'url'],
      ],
    },
    { method: 'PUT', path: `/api/simulator/phones/${p}`, auth: 'admin', body: () => ({ mode: 'rcs' }) },
    {
      method: 'POST',
      path: `/api/simulator/phones/${p}/actions`,
      auth: 'admin',
      body: () => ({ type: 'reply', text: 'hi from the phone' }),
    },
    { method: 'PUT', path: '/api/settings', auth: 'admin', body: () => ({ brand_name: 'x' }), shapeOnly: true },
    { method: 'PUT', path: '/api/flows/order_confirmation', auth: 'admin', body: () => ({ enabled: false }), shapeOnly: true },
    {
      method: 'POST',
      path: '/api/auth/login',
      auth: 'login',
      body: () => ({ email: 'nobody@example.test', password: 'not the password' }),
    },
  ];
}
