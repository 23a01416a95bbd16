/**
 * Browser tests: the admin pages show what the server did. A revoked key is listed as revoked
 * with no Revoke button; a removed user as removed with no Remove button, and no longer in the
 * assignee picker; removing asks first (and Cancel changes nothing).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, consoleApi, createCustomer, customerSays, launch, shot, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const suffix = () => Math.random().toString(36).slice(2, 8);

describe('the API keys page', () => {
  it('shows a revoked key as revoked, with no Revoke button', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const name = `Old shop ${suffix()}`;
    const created = await consoleApi(page, 'POST', '/api/api-keys', { name });
    expect((await consoleApi(page, 'DELETE', `/api/api-keys/${(created.json as { id: string }).id}`)).status).toBe(204);
    await page.goto('/api-keys');
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect(await row.getByText(/^Revoked /).count()).toBe(1);
    await context.close();
  });

  it('asks before revoking: Cancel keeps the key active, Revoke marks it revoked at once', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const name = `Shop ${suffix()}`;
    await page.goto('/api-keys');
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Copy this key now').waitFor();
    const row = page.getByRole('row').filter({ hasText: name });
    const dialog = page.getByRole('alertdialog', { name: `Revoke “${name}”?` });

    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Active', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText(/^Revoked /).waitFor();
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await shot(page, 'api-keys');
    await context.close();
  });
});

describe('the users page', () => {
  it('shows a removed user as removed, with no Remove button, also after a reload', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const email = `removed-${suffix()}@example.com`;
    const created = await consoleApi(page, 'POST', '/api/users', {
      email,
      name: 'Removed Agent',
      role: 'agent',
      password: 'a long enough password',
    });
    expect((await consoleApi(page, 'DELETE', `/api/users/${(created.json as { id: string }).id}`)).status).toBe(204);
    for (const load of [() => page.goto('/users'), () => page.reload()]) {
      await load();
      const row = page.getByRole('row').filter({ hasText: email });
      await row.waitFor();
      expect(await row.getByRole('button', { name: 'Remove' }).count()).toBe(0);
      expect(await row.getByText('Removed', { exact: true }).count()).toBe(1);
    }
    await context.close();
  });

  it('asks before removing: Cancel keeps the user, Remove shows them as removed at once', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const email = `leaving-${suffix()}@example.com`;
    const created = await consoleApi(page, 'POST', '/api/users', {
      email,
      name: 'Leaving Agent',
      role: 'agent',
      password: 'a long enough password',
    });
    expect(created.status).toBe(201);
    await page.goto('/users');
    const row = page.getByRole('row').filter({ hasText: email });

    await row.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Leaving Agent?' });
    await dialog.waitFor();
    // The safe choice has the focus: Enter right away cancels.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Cancel');
    await shot(page, 'users-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const users = (await consoleApi(page, 'GET', '/api/users')).json as { email: string; disabled: boolean }[];
    expect(users.find((u) => u.email === email)?.disabled).toBe(false);

    await row.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Removed', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    await shot(page, 'users');
    await context.close();
  });

  it('no longer offers a removed user as an assignee', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    const name = `Gone ${suffix()}`;
    const created = await consoleApi(page, 'POST', '/api/users', {
      email: `${name.replace(' ', '-').toLowerCase()}@example.com`,
      name,
      role: 'agent',
      password: 'a long enough password',
    });
    const id = (created.json as { id: string }).id;
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Nina');
    await customerSays(page, phone, 'Hello, is anyone there?');
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Hello, is anyone there?').waitFor();
    expect(await page.getByLabel('Assignee').locator(`option[value="${id}"]`).count()).toBe(1);

    expect((await consoleApi(page, 'DELETE', `/api/users/${id}`)).status).toBe(204);
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole('log').getByText('Hello, is anyone there?').waitFor();
    expect(await page.getByLabel('Assignee').locator(`option[value="${id}"]`).count()).toBe(0);
    await context.close();
  });

  it('asks for the server’s minimum password length when adding a user', async () => {
    const { context, page } = await signedIn(browser, ADMIN());
    await page.goto('/users');
    await page.getByText('Passwords: at least 10 characters.').waitFor();
    expect(await page.getByPlaceholder('Password').getAttribute('minlength')).toBe('10');
    await context.close();
  });
});
