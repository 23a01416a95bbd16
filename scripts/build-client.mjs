#!/usr/bin/env node
// Builds the Preact console into dist/client (served by the Worker's [assets]).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
rmSync('dist/client', { recursive: true, force: true });
mkdirSync('dist/client', { recursive: true });
cpSync('client/public', 'dist/client', { recursive: true });
await build({
  entryPoints: ['client/main.tsx'],
  outdir: 'dist/client/assets',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  metafile: true,
  logLevel: 'warning',
});
// uPlot's stylesheet, linked by the charts when they first render (client/components/results/UPlotChart.tsx).
cpSync('node_modules/uplot/dist/uPlot.min.css', 'dist/client/assets/uplot.css');
// Security headers of the static console (CSP, frame-ancestors, nosniff, Referrer-Policy) in
// Cloudflare's `_headers` format, from the policy the Worker applies to its own responses.
const policy = await build({
  entryPoints: ['worker/http/security-policy.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  logLevel: 'warning',
});
const { assetHeadersFile } = await import(`data:text/javascript;base64,${Buffer.from(policy.outputFiles[0].text).toString('base64')}`);
writeFileSync('dist/client/_headers', assetHeadersFile());
console.log('Built console into dist/client');
