// Security headers: every Worker response (the /api and /v1 JSON, errors included) and the
// static console (HTML and assets, through the real assets binding and its `_headers` file,
// which `npm test` builds first).
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { assetHeadersFile, CONSOLE_CSP, responseHeaders } from '../../worker/http/security-policy';
import { api } from './helpers';

function expectProtected(res: Response): void {
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

const page = (path: string) =>
  env.ASSETS.fetch(`http://localhost${path}`, { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } });

describe('security headers', () => {
  it('are on /api responses, with Cache-Control: no-store, refusals included', async () => {
    for (const path of ['/api/health', '/api/auth/me']) {
      const res = await exports.default.fetch(`http://localhost${path}`);
      expectProtected(res);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('are on /v1 responses, with Cache-Control: no-store, refusals included', async () => {
    for (const res of [
      await api('GET', '/v1/profiles/%2B33612345678'),
      await api('GET', '/v1/profiles/%2B33612345678', undefined, { key: null }),
    ]) {
      expectProtected(res);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('are on the console page, with a CSP that allows no inline script or style', async () => {
    for (const path of ['/', '/inbox', '/index.html']) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expectProtected(res);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toBe(CONSOLE_CSP);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      await res.text();
    }
  });

  it('are on static assets', async () => {
    for (const path of ['/app.css', '/assets/main.js', '/favicon.svg']) {
      const res = await env.ASSETS.fetch(`http://localhost${path}`);
      expect(res.status, path).toBe(200);
      expectProtected(res);
      await res.arrayBuffer();
    }
  });

  it('fit the console page: no inline script, style element or style attribute in its HTML', async () => {
    const html = await (await page('/')).text();
    expect(html).toMatch(/<script type="module" src="\/assets\/main\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('let a listed path opt out of frame protection, and only that path', () => {
    const signup = responseHeaders('/signup', true, ['/signup']);
    expect(signup['X-Frame-Options']).toBeUndefined();
    expect(signup['Content-Security-Policy']).not.toContain('frame-ancestors');
    expect(signup['Content-Security-Policy']).toContain("script-src 'self'");
    expect(responseHeaders('/inbox', true, ['/signup'])['X-Frame-Options']).toBe('DENY');
    const file = assetHeadersFile(['/signup']);
    expect(file).toMatch(
      /^\/signup\n {2}! X-Frame-Options\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: (?!.*frame-ancestors).*$/m,
    );
    expect(file.indexOf('/*')).toBeLessThan(file.indexOf('/signup'));
  });
});
