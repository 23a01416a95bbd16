// Reads `.dev.vars` the way `wrangler dev` does, so `npm start` sees the same values as the
// Worker: wrangler 4.86 parses the file with `dotenv.parse` (dotenv 16.3.1, no variable
// expansion), which strips quotes, expands `\n` in double-quoted values only, and drops
// comments. A hand parser got `PUBLIC_URL="https://shop.example"` wrong (quotes kept), and the
// Twilio signatures computed from PUBLIC_URL stopped matching.
import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';

/** Parses the text of a .dev.vars file. */
export function parseDevVars(text) {
  return dotenv.parse(text);
}

/** Reads and parses a .dev.vars file. */
export function readDevVars(path = '.dev.vars') {
  return parseDevVars(readFileSync(path, 'utf8'));
}

/**
 * The PUBLIC_URL `npm start` passes to `wrangler dev`: the file's own value when it names a
 * public address (a tunnel for carrier callbacks), else this machine on the chosen port.
 */
export function publicUrlFor(vars, port) {
  const url = vars.PUBLIC_URL;
  return url && !url.includes('localhost:8787') ? url : `http://localhost:${port}`;
}
