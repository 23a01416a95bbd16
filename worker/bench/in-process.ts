/**
 * The in-process half of the ingest benchmark: replays prepared requests through the
 * Worker's own `fetch` (no `wrangler dev` proxy, no HTTP client) and, as the yardstick, the
 * same number of direct BenchBaseline RPCs (one SQLite insert each), timed inside workerd.
 * The proxy adds the same fixed cost to both sides of the HTTP benchmark and flattens the
 * ratio; this one is what a deployed Worker pays.
 */
import * as v from 'valibot';

export const ReplaySchema = v.object({
  concurrency: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)),
  /** Requests for the Worker (signed carrier callbacks), replayed as they are. */
  requests: v.optional(
    v.pipe(v.array(v.object({ path: v.string(), headers: v.record(v.string(), v.string()), body: v.string() })), v.maxLength(5000)),
  ),
  /** Baseline inserts: one BenchBaseline RPC each, on the object named by `phone`. */
  baseline: v.optional(v.pipe(v.array(v.object({ id: v.string(), phone: v.string(), body: v.string() })), v.maxLength(5000))),
});
export type Replay = v.InferOutput<typeof ReplaySchema>;

export interface ReplayResult {
  ok: number;
  failed: number;
  ms: number;
  firstError: string | null;
}

/** Runs `jobs` with `concurrency` workers in a closed loop; times the whole batch. */
async function closedLoop(count: number, concurrency: number, job: (i: number) => Promise<boolean | string>): Promise<ReplayResult> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      try {
        const r = await job(i);
        if (r === true) ok++;
        else {
          failed++;
          firstError ??= String(r);
        }
      } catch (err) {
        failed++;
        firstError ??= String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, failed, ms: performance.now() - started, firstError };
}

export function replayRequests(
  fetcher: (req: Request) => Promise<Response>,
  origin: string,
  requests: NonNullable<Replay['requests']>,
  concurrency: number,
): Promise<ReplayResult> {
  return closedLoop(requests.length, concurrency, async (i) => {
    const r = requests[i]!;
    const res = await fetcher(new Request(origin + r.path, { method: 'POST', headers: r.headers, body: r.body }));
    await res.arrayBuffer();
    return res.ok || `${res.status} on ${r.path}`;
  });
}

export function replayBaseline(
  insert: (phone: string, id: string, body: string) => Promise<number>,
  items: NonNullable<Replay['baseline']>,
  concurrency: number,
): Promise<ReplayResult> {
  return closedLoop(items.length, concurrency, async (i) => {
    const b = items[i]!;
    return (await insert(b.phone, b.id, b.body)) > 0 || 'no row';
  });
}
