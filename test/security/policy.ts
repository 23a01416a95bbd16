// Who may call each route the Worker registers: the one table the authorization matrix
// (authz-matrix.test.ts) checks every route against. Keys are `METHOD pattern` exactly as Hono
// lists them in `app.routes`; a route missing here fails the matrix, so adding a route means
// deciding who may call it. The console's rules are docs/api.md's "who" column.
import type { Role } from '../../schemas/console-api';

export type Rule =
  /** No credentials needed (health check, sign-in). Sign-in still checks the Origin. */
  | { kind: 'open' }
  /** A console session with one of these roles (and the CSRF token on writes). */
  | { kind: 'roles'; roles: readonly Role[] }
  /** Any role may reach the route, but only the row's creator or an admin may change it. */
  | { kind: 'owner_or_admin' }
  /** The public API: a valid API key, and nothing else. */
  | { kind: 'api_key' }
  /** Public pages and files a customer's phone or a carrier opens (no credentials by design). */
  | { kind: 'public' }
  /** A carrier's or store's callback: its signature is the only credential. */
  | { kind: 'signed' };

const ALL: readonly Role[] = ['admin', 'agent', 'marketer'];
const any = { kind: 'roles', roles: ALL } as const;
const admin = { kind: 'roles', roles: ['admin'] } as const;
const inboxWriters = { kind: 'roles', roles: ['admin', 'agent'] } as const;
const marketing = { kind: 'roles', roles: ['admin', 'marketer'] } as const;
const key = { kind: 'api_key' } as const;

export const POLICY: Readonly<Record<string, Rule>> = {
  'GET /api/health': { kind: 'open' },
  'POST /api/auth/login': { kind: 'open' },
  'POST /api/auth/logout': any,
  'GET /api/auth/me': any,

  'GET /api/users': any,
  'POST /api/users': admin,
  'PATCH /api/users/:id': admin,
  'DELETE /api/users/:id': admin,

  'GET /api/simulator/phones': any,
  'PUT /api/simulator/phones/:phone': inboxWriters,
  'GET /api/simulator/phones/:phone/messages': any,
  'POST /api/simulator/phones/:phone/actions': inboxWriters,
  'GET /api/brand': any,

  'GET /api/media/library': any,
  'POST /api/media/library': any,
  'DELETE /api/media/library/:id': { kind: 'owner_or_admin' },
  'GET /api/media/inbound/:phone/:message/:n': any,
  'POST /api/media/inbound/:phone/:message/:n/load': any,

  'GET /api/conversations': any,
  'GET /api/conversations/:phone': any,
  'GET /api/conversations/:phone/messages': any,
  'POST /api/conversations/:phone/messages': inboxWriters,
  'POST /api/conversations/:phone/notes': inboxWriters,
  'PATCH /api/conversations/:phone': inboxWriters,
  'POST /api/conversations/:phone/read': inboxWriters,
  'POST /api/conversations/:phone/typing': inboxWriters,
  'POST /api/conversations/:phone/consent': inboxWriters,
  'POST /api/conversations/:phone/opt-out': inboxWriters,

  'GET /api/canned-responses': any,
  'POST /api/canned-responses': admin,
  'PATCH /api/canned-responses/:id': admin,
  'DELETE /api/canned-responses/:id': admin,

  'GET /api/labels': any,
  'POST /api/labels': inboxWriters,
  'DELETE /api/labels/:name': admin,

  'GET /api/settings': admin,
  'PUT /api/settings': admin,

  'GET /api/api-keys': admin,
  'POST /api/api-keys': admin,
  'DELETE /api/api-keys/:id': admin,

  'GET /api/ws': any,
  'POST /api/preview': any,

  'GET /api/segments': any,
  'POST /api/segments/preview': any,
  'POST /api/segments': marketing,
  'GET /api/segments/:id': any,
  'PATCH /api/segments/:id': marketing,
  'DELETE /api/segments/:id': marketing,

  'GET /api/campaigns': any,
  'POST /api/campaigns': marketing,
  'POST /api/campaigns/audience': any,
  'GET /api/campaigns/:id': any,
  'POST /api/campaigns/:id/cancel': marketing,
  'GET /api/campaigns/:id/recipients': any,

  'GET /api/flows': any,
  'PUT /api/flows/:key': marketing,

  'GET /api/results/overview': any,
  'GET /api/results/:sourceId': any,
  'GET /api/results/:sourceId/timeseries': any,

  'GET /media/:file': { kind: 'public' },
  'GET /l/:code': { kind: 'public' },
  'HEAD /l/:code': { kind: 'public' },
  'GET /subscribe': { kind: 'public' },
  'POST /subscribe': { kind: 'public' },

  'GET /v1/profiles/:phone': key,
  'PUT /v1/profiles/:phone': key,
  'GET /v1/profiles/:phone/messages': key,
  'POST /v1/messages': key,
  'POST /v1/events': key,
  'GET /v1/segments': key,
  'POST /v1/segments': key,
  'GET /v1/segments/:id': key,
  'GET /v1/campaigns': key,
  'POST /v1/campaigns': key,
  'POST /v1/campaigns/audience': key,
  'GET /v1/campaigns/:id': key,
  'POST /v1/campaigns/:id/cancel': key,
  'GET /v1/campaigns/:id/recipients': key,
  'POST /v1/subscriptions': key,

  'POST /webhooks/sandbox': { kind: 'signed' },
  'POST /webhooks/rbm': { kind: 'signed' },
  'POST /webhooks/twilio': { kind: 'signed' },
  'POST /webhooks/shopify': { kind: 'signed' },
};

/** The handlers of an app's route list: `use()` middleware (method ALL on a `*` path) left out. */
export function handlerRoutes(routes: readonly { method: string; path: string }[]): string[] {
  const keys = routes.filter((r) => !(r.method === 'ALL' && r.path.endsWith('*'))).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}
