// A contract-faithful stand-in for /api (CONSOLE_API.md) used ONLY by the console benchmark:
// it serves the built console from dist/client and answers the read endpoints with synthetic
// threads of any length, so the benchmark measures the browser side (fetch the latest page,
// render it) without the cost of seeding 10,000 messages through the send pipeline.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };
const iso = (ms) => new Date(ms).toISOString();
const T0 = Date.parse('2026-04-01T08:00:00Z');

/** Threads keyed by phone: `+1555000NNNNN` has NNNNN messages. */
function threadSize(phone) {
  const m = /^\+1555(\d{7})$/.exec(phone);
  return m ? Number(m[1]) : 0;
}

function message(phone, i) {
  const out = i % 3 !== 0;
  const base = { id: `m${i}`, channel: 'rcs', history: [], created_at: iso(T0 + i * 60_000), updated_at: iso(T0 + i * 60_000) };
  if (!out) return { ...base, direction: 'in', status: 'received', kind: 'message', text: `Customer message number ${i} about order #${1000 + i}` };
  if (i % 10 === 4)
    return {
      ...base, direction: 'out', status: 'read', purpose: 'marketing',
      content: { type: 'carousel', cards: [1, 2, 3].map((k) => ({ title: `Product ${k}`, description: 'New season', buttons: [{ type: 'reply', text: 'I want it' }] })) },
    };
  return { ...base, direction: 'out', status: i % 2 ? 'delivered' : 'read', purpose: 'support', content: { type: 'text', text: `Agent reply ${i}`, suggestions: [{ type: 'reply', text: 'Thanks' }] } };
}

function summary(phone) {
  const n = threadSize(phone);
  return { phone, name: `Bench ${n}`, status: 'open', assignee: null, labels: [], channel: 'rcs', preview: `Message ${n - 1}`, last_direction: 'in', last_activity_at: iso(T0 + n * 60_000), unread: 0, snoozed_until: null, flagged: false };
}

function api(url) {
  const p = url.pathname;
  if (p === '/api/auth/me') return { user: { id: 'u1', email: 'bench@example.test', name: 'Bench Agent', role: 'agent' }, csrf: 'bench' };
  if (p === '/api/users') return [{ id: 'u1', email: 'bench@example.test', name: 'Bench Agent', role: 'agent' }];
  if (p === '/api/labels' || p === '/api/canned-responses') return [];
  if (p === '/api/conversations') return { conversations: ['+15550000050', '+15550010000'].map(summary), next_cursor: null, counts: { mine: 0, unassigned: 2, all: 2 } };
  let m = /^\/api\/conversations\/([^/]+)\/messages$/.exec(p);
  if (m) {
    const phone = decodeURIComponent(m[1]);
    const n = threadSize(phone);
    const limit = Math.min(Number(url.searchParams.get('limit') || 50), 100);
    const before = url.searchParams.get('cursor') ? Number(url.searchParams.get('cursor')) : n;
    const messages = [];
    for (let i = before - 1; i >= Math.max(0, before - limit); i--) messages.push(message(phone, i));
    const next = before - limit > 0 ? String(before - limit) : null;
    return { messages, next_cursor: next };
  }
  m = /^\/api\/conversations\/([^/]+)$/.exec(p);
  if (m) {
    const phone = decodeURIComponent(m[1]);
    return { conversation: summary(phone), profile: null, consent_log: [], events: [], labels: [] };
  }
  return null;
}

export function startFixture(root = 'dist/client') {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const body = req.method === 'GET' ? api(url) : null;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: 'not_found', message: 'not in the bench fixture' }));
      return;
    }
    let file = join(root, url.pathname);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
