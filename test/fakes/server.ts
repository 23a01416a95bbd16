// A tiny recording HTTP server for carrier fakes (runs in Node, in vitest's globalSetup).
// Every request is recorded; `/__fake/requests` returns them, `/__fake/script` queues canned
// answers for requests matching a substring, so each test scripts its own phone number;
// `/__fake/state` is what the carrier accepted (the fake's own bookkeeping).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  /** Decoded path (`+` of E.164 numbers visible). */
  path: string;
  /** Raw query parameters, repeated names kept. */
  query: [string, string][];
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** A binary body (a customer's photo), base64; sent as is with `headers`. */
  bytes?: string;
  headers?: Record<string, string>;
  /** Close the connection without answering (network failure). */
  drop?: boolean;
  /** Answer this much later (a carrier slower than the Worker's timeout). */
  delayMs?: number;
  /** With `process`: wait this long before handling the request (a slow carrier, still working when the caller dies). */
  holdMs?: number;
  /**
   * The fake handles the request as usual first (the carrier accepts the message), then sends
   * this reply instead of its own; with status 0 it sends its own (after `delayMs`).
   */
  process?: boolean;
}

interface Script {
  method: string;
  match: string;
  replies: Reply[];
}

export type Handler = (req: Recorded, base: string) => Reply | Promise<Reply>;

export interface Fake {
  url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** What a script's `match` is tested against: method, decoded path and query, decoded body. */
export function haystack(r: Recorded): string {
  let body = r.body;
  if ((r.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
    body = [...new URLSearchParams(r.body)].map(([k, v]) => `${k}=${v}`).join('&');
  }
  return `${r.method} ${r.path}?${r.query.map(([k, v]) => `${k}=${v}`).join('&')} ${body}`;
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  if (reply.bytes !== undefined) {
    res.writeHead(reply.status, reply.headers);
    res.end(Buffer.from(reply.bytes, 'base64'));
    return;
  }
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, { 'content-type': isText ? 'text/plain' : 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body));
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The reply to send: a scripted one (optionally after the fake's own handling), else the fake's. */
async function answer(canned: Reply | undefined, handle: () => Promise<Reply>): Promise<Reply> {
  if (!canned) return handle();
  if (!canned.process) return canned;
  if (canned.holdMs) await wait(canned.holdMs);
  const own = await handle();
  return canned.status === 0 && !canned.drop ? { ...own, ...(canned.delayMs ? { delayMs: canned.delayMs } : {}) } : canned;
}

export async function startFake(handler: Handler, state: () => unknown = () => null): Promise<Fake> {
  const recorded: Recorded[] = [];
  const scripts: Script[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const body = await readBody(req);
      if (u.pathname === '/__fake/requests') return send(res, { status: 200, body: recorded });
      if (u.pathname === '/__fake/state') return send(res, { status: 200, body: state() });
      if (u.pathname === '/__fake/script' && req.method === 'POST') {
        scripts.push(JSON.parse(body) as Script);
        return send(res, { status: 200, body: { ok: true } });
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const r: Recorded = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(u.pathname),
        query: [...u.searchParams],
        headers,
        body,
        at: Date.now(),
      };
      recorded.push(r);
      const hay = haystack(r);
      const script = scripts.find((s) => s.method === r.method && hay.includes(s.match) && s.replies.length > 0);
      const reply = await answer(script?.replies.shift(), async () =>
        handler(r, `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      );
      if (reply.delayMs) await wait(reply.delayMs);
      // The Worker may have given up meanwhile: nothing left to answer.
      if (!res.destroyed) send(res, reply);
    })().catch((err: unknown) => send(res, { status: 500, body: { error: { code: 500, message: String(err), status: 'INTERNAL' } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
