/**
 * Browser tests: signing in and out, and roles. The server enforces roles (403); the UI only
 * hides what a role cannot use.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MARKETER, baseURL, consoleApi, launch, signedIn } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in', () => {
  it('shows the inbox after a correct sign-in and the sign-in page again after signing out', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    await expect(page.getByRole('tab', { name: /All/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('says so when the password is wrong and stays on the sign-in page', async () => {
    const context = await browser.newContext({ baseURL: baseURL() });
    const page = await context.newPage();
    await page.goto('/inbox');
    await page.getByLabel('Email').fill(ADMIN().email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password');
    expect(await page.getByRole('heading', { name: 'Inbox' }).count()).toBe(0);
    await context.close();
  });
});

describe('a marketer', () => {
  it('cannot reach admin routes: the server answers 403 and the admin navigation is hidden', async () => {
    const { context, page } = await signedIn(browser, MARKETER);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(
      (await consoleApi(page, 'POST', '/api/users', { email: 'x@example.com', name: 'X', role: 'admin', password: 'long-enough-password' }))
        .status,
    ).toBe(403);
    const users = (await consoleApi(page, 'GET', '/api/users')).json as { id: string; role: string }[];
    const admin = users.find((u) => u.role === 'admin')!;
    expect((await consoleApi(page, 'PATCH', `/api/users/${admin.id}`, { role: 'marketer' })).status).toBe(403);
    expect((await consoleApi(page, 'DELETE', `/api/users/${admin.id}`)).status).toBe(403);
    expect((await consoleApi(page, 'GET', '/api/settings')).status).toBe(403);
    expect((await consoleApi(page, 'GET', '/api/api-keys')).status).toBe(403);
    await page.goto('/users');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('don’t have access');
    await context.close();
  });
});
