// Types of scripts/dev-vars.mjs for the TypeScript tests.
export function parseDevVars(text: string): Record<string, string>;
export function readDevVars(path?: string): Record<string, string>;
export function publicUrlFor(vars: Record<string, string | undefined>, port: string | number): string;
