#!/usr/bin/env node
// Builds the Preact console into dist/client (served by the Worker's [assets]).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

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
console.log('Built console into dist/client');
