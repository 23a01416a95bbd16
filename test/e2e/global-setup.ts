// Starts the Worker once for the browser tests (fresh D1 + Durable Object state in a temp
// dir) and always stops it, even when a spec fails.
import type { TestProject } from 'vitest/node';
// @ts-expect-error: plain ESM helper shared with the screenshot and bench scripts (no types)
import { startDevServer } from '../../scripts/dev-server.mjs';

interface DevServer {
  url: string;
  vars: Record<string, string>;
  stop(): void;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    vars: Record<string, string>;
  }
}

let server: DevServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = (await startDevServer({ quiet: !process.env.E2E_VERBOSE })) as DevServer;
  project.provide('baseURL', server.url);
  project.provide('vars', server.vars);
}

export function teardown(): void {
  server?.stop();
}
