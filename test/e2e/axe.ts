// axe-core (pinned in devDependencies) injected from its own source into a page under test:
// the serious and critical violations it finds, with where.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

/** Runs axe on the page as it is now; returns its serious and critical violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // evaluate() runs over the DevTools protocol: the page's CSP (script-src 'self') does not apply.
  await page.evaluate(source);
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) })))`)) as Violation[];
}
