/**
 * Security headers of everything this deployment serves: the Worker's own responses
 * (worker/http/security-headers.ts) and the static console, whose `_headers` file
 * scripts/build-client.mjs writes from `assetHeadersFile()` below. No imports, so the build
 * script can load it as is.
 */

/** The console page: its own origin only, no inline script or style, never framed. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Customer media, card images and the brand logo live on other https hosts; the
  // stylesheet draws one icon as a data: SVG.
  "img-src 'self' https: data:",
  "media-src 'self' https:",
  // 'self' covers the same-origin WebSocket (ws: / wss:) as well.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and other Worker responses: nothing to load, nothing to frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** On every response, page or API. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * THE place a page opts out of `frame-ancestors 'none'` / `X-Frame-Options: DENY`, e.g. a
 * public signup form the shop embeds: add its path (as `_headers` matches it, `/signup` or
 * `/signup/*`). Everything else stays unframeable. `/subscribe` (worker/routes/subscribe-page.ts)
 * sets its own `frame-ancestors`: this page and the origins the brand listed, nobody else.
 */
export const FRAMEABLE_PATHS: readonly string[] = ['/subscribe'];

/** The CSP without its `frame-ancestors` directive, for the paths above. */
const frameable = (csp: string) =>
  csp
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');

export function isFrameable(path: string, frameablePaths: readonly string[] = FRAMEABLE_PATHS): boolean {
  return frameablePaths.some((p) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) || path === p.slice(0, -2) : path === p));
}

/** Headers for a Worker response at `path` (JSON unless `page`). */
export function responseHeaders(path: string, page = false, frameablePaths = FRAMEABLE_PATHS): Record<string, string> {
  const csp = page ? CONSOLE_CSP : API_CSP;
  if (!isFrameable(path, frameablePaths)) return { ...COMMON_HEADERS, 'Content-Security-Policy': csp };
  const { 'X-Frame-Options': _deny, ...rest } = COMMON_HEADERS;
  return { ...rest, 'Content-Security-Policy': frameable(csp) };
}

/**
 * Cloudflare's `_headers` file for the static assets (HTML, script, CSS, images). Later rules
 * win: `! Name` drops what `/*` set.
 */
export function assetHeadersFile(frameablePaths = FRAMEABLE_PATHS): string {
  const lines = ['# Written by scripts/build-client.mjs from worker/http/security-policy.ts; edit that file instead.', '/*'];
  for (const [name, value] of Object.entries(responseHeaders('/', true))) lines.push(`  ${name}: ${value}`);
  for (const path of frameablePaths) {
    lines.push(path, '  ! X-Frame-Options', '  ! Content-Security-Policy', `  Content-Security-Policy: ${frameable(CONSOLE_CSP)}`);
  }
  return `${lines.join('\n')}\n`;
}
