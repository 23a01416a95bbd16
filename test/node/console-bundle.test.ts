// No page of the console carries libphonenumber-js: its full metadata is the Worker's
// (schemas/phone.ts), and the console validates with schemas that never parse a phone number
// (schemas/message-view.ts, schemas/templated.ts). Nor does its first load carry uPlot: only
// the results pages chart anything.
// Built here as scripts/build-client.mjs builds it, in memory; sizes are the benchmark's job.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundle(): Promise<Metafile['outputs']> {
  const result = await build({
    entryPoints: ['client/main.tsx'],
    outdir: 'out',
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile.outputs;
}

async function firstLoadInputs(): Promise<string[]> {
  const outputs = await bundle();
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement') walk(i.path);
  };
  walk('out/main.js');
  return [...seen].flatMap((f) => Object.keys(outputs[f]?.inputs ?? {}));
}

describe('the console bundle', () => {
  it('loads no phone number library on first load', async () => {
    const inputs = await firstLoadInputs();
    expect(inputs).toContain('client/main.tsx');
    expect(inputs.filter((i) => i.includes('libphonenumber-js') || i === 'schemas/phone.ts')).toEqual([]);
  }, 60_000);

  it('loads no phone number library on any page (the flows page once carried the full metadata, 50 KB gzip)', async () => {
    const outputs = await bundle();
    const pages = Object.keys(outputs).filter((f) => f.endsWith('.js'));
    expect(pages.some((f) => f.includes('FlowsPage'))).toBe(true);
    const carrying = pages.filter((f) =>
      Object.keys(outputs[f]?.inputs ?? {}).some((i) => i.includes('libphonenumber-js') || i === 'schemas/phone.ts'),
    );
    expect(carrying).toEqual([]);
  }, 60_000);

  it('loads no charting library on first load (the results pages fetch uPlot when a chart renders)', async () => {
    const inputs = await firstLoadInputs();
    expect(inputs).toContain('client/app.tsx');
    expect(inputs.filter((i) => i.includes('uplot') || i.startsWith('client/components/results/'))).toEqual([]);
  }, 60_000);
});
