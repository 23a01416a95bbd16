#!/usr/bin/env node
// `npm run bench` (not a test): starts `wrangler dev --env bench` (the production Worker plus
// the /bench/* routes and the yardstick object, worker/bench/index.ts) on a free port with
// fresh state in a temp dir, then runs every suite of
// bench/suites/ in file-name order against it and prints one results table.
//
// A suite is a module whose default export is `async (ctx) => Result[]`, where
// `Result = { name, value, unit, note? }` and `ctx` is described in bench/lib.mjs. Add a
// suite by dropping a file there (e.g. `30-console-bundle.mjs`); no change here needed.
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
      console.error(`  ${file} failed:`, err);
    }
  }
} finally {
  await worker.stop();
}

console.log('\nSummary');
for (const r of all)
  console.log(`  ${r.ok === false ? '✗' : '•'} ${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
process.exit(failed ? 1 : 0);
