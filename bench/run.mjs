#!/usr/bin/env node
// `npm run bench` (not a test): starts `wrangler dev --env bench` (the production Worker plus
// the /bench/* routes and the yardstick object, worker/bench/index.ts) on a free port with
// fresh state in a temp dir, then runs every suite of
// bench/suites/ in file-name order against it and prints one results table.
//
// A suite is a module whose default export is `async (ctx) => Result[]`, where `ctx` is
// described in bench/lib.mjs and
//   Result = { name, value, unit, note?, target?, ok?,
//              ratio?, measured?, baseline?, absolute? }
// `value unit` is what the suite's section prints. A benchmark row also says how it compares:
// `ratio` (a number) against the same run's `baseline` (text: the yardstick's figure and what
// it is) for the `measured` figure (text); or, when nothing in the run can serve as a
// baseline (a size budget, a count that must be zero), `absolute` says why. A row with a unit
// of "×" and no `ratio` is read as a ratio whose value is that number. Rows with a ratio or
// a target make the final table; the others are context, printed in their section only.
// Add a suite by dropping a file there (e.g. `30-console-bundle.mjs`); no change here needed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startWorker } from './lib.mjs';

const only = process.argv.slice(2);
const dir = new URL('./suites/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.m?js$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const worker = await startWorker();
const all = [];
let failed = false;
try {
  for (const file of files) {
    const suite = (await import(pathToFileURL(join(dir.pathname, file)).href)).default;
    console.log(`\n▶ ${file}`);
    try {
      const results = await suite(worker);
      for (const r of results) {
        all.push({ suite: file, ...r });
        console.log(`  ${r.name.padEnd(44)} ${String(r.value).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
        if (r.ok === false) failed = true;
      }
    } catch (err) {
      failed = true;
      all.push({
        suite: file,
        error: String(err?.message ?? err)
          .split('\n')[0]
          .slice(0, 120),
      });
      console.error(`  ${file} failed:`, err);
    }
  }
} finally {
  await worker.stop();
}

console.log(table(all));
process.exit(failed ? 1 : 0);

/** The one table of every benchmark of the run: suite, what, measured, baseline, ratio, target, ok. */
function table(rows) {
  const lines = [];
  for (const r of rows) {
    if (r.error) {
      lines.push([r.suite, 'suite failed', r.error, '', '', '', '✗']);
      continue;
    }
    const ratio = typeof r.ratio === 'number' ? r.ratio : r.unit === '×' && Number.isFinite(Number(r.value)) ? Number(r.value) : null;
    if (ratio === null && r.target === undefined) continue;
    const figure = `${r.value}${r.unit ? ` ${r.unit}` : ''}`;
    lines.push([
      r.suite.replace(/\.m?js$/, ''),
      r.name,
      ratio === null ? figure : (r.measured ?? '(in its section)'),
      ratio === null ? `none: ${r.absolute ?? 'absolute figure'}` : (r.baseline ?? '(in its section)'),
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      r.target ?? '',
      r.ok === false ? '✗' : r.ok === true ? '✓' : '',
    ]);
  }
  const head = ['suite', 'what', 'measured', 'baseline', 'ratio', 'target', 'ok'];
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => `  ${l.map((c, i) => String(c).padEnd(width[i])).join('  ')}`.trimEnd();
  return ['\nBenchmarks (each against its same-run baseline)', fmt(head), fmt(width.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join(
    '\n',
  );
}
