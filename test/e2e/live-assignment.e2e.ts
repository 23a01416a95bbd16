/** Browser tests: two agents on the same conversation see each other's changes live. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, createCustomer, customerSays, eventually, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('assignment', () => {
  it('made by one agent appears on a second agent’s open thread and inbox without reload', async () => {
    const phone = uniquePhone('sms');
    await createCustomer(phone, 'Jules');
    const a = await signedIn(browser, AGENT);
    const b = await signedIn(browser, ADMIN());
    await customerSays(a.page, phone, 'Can someone help me with a return?');

    await a.page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await b.page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await a.page.getByRole('log').getByText('Can someone help me with a return?').waitFor();
    await b.page.getByRole('log').getByText('Can someone help me with a return?').waitFor();
    expect(await b.page.getByLabel('Assignee').inputValue()).toBe('');

    const me = (await (await a.page.request.get('/api/auth/me')).json()) as { user: { id: string } };
    await a.page.getByLabel('Assignee').selectOption(me.user.id);

    await eventually(
      'the second agent to see the new assignee',
      async () => (await b.page.getByLabel('Assignee').inputValue()) === me.user.id,
    );
    // Their inbox row shows it too.
    await b.page.locator(`a[data-phone="${phone}"]`).getByText('Demo Agent').waitFor();
    await a.context.close();
    await b.context.close();
  });
});
