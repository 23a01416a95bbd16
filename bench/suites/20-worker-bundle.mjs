// The Worker's bundle size as deployed: `wrangler deploy --dry-run --outdir`, gzip-compressed
// like Cloudflare's upload limit counts it, and a check that the production build ships none
// of the benchmark's code (worker/bench/: routes, yardstick object, fixture fills). Does not
// need the running server.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Strings only the bench build contains. */
const BENCH_MARKERS = ['BenchBaseline', 'fillForBench', 'fillThreadForBench', '/bench/', 'in-process'];

export default async function workerBundle(ctx) {
  const out = mkdtempSync(join(tmpdir(), 'rcs-dry-run-'));
  try {
    const r = ctx.run('npx', ['wrangler', 'deploy', '--dry-run', '--env=', '--outdir', out]);
    if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
    let raw = 0;
    let gzip = 0;
    const benchCode = new Set();
    for (const f of readdirSync(out, { recursive: true })) {
      const path = join(out, String(f));
      if (!statSync(path).isFile() || !/\.(m?js|wasm)$/.test(path)) continue;
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
      for (const marker of BENCH_MARKERS) if (bytes.includes(marker)) benchCode.add(marker);
    }
    return [
      { name: 'worker bundle (raw)', value: (raw / 1024).toFixed(1), unit: 'KiB' },
      {
        name: 'worker bundle (gzip)',
        value: (gzip / 1024).toFixed(1),
        unit: 'KiB',
        target: '≤ 3072 KiB (free plan)',
        absolute: "a size against the platform's upload limit",
        ok: gzip <= 3 * 1024 * 1024,
      },
      {
        name: 'benchmark code in the production bundle',
        value: benchCode.size ? [...benchCode].join(', ') : 'none',
        unit: '',
        target: 'none',
        absolute: 'a check of the build, not a speed',
        ok: benchCode.size === 0,
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
