/**
 * Browser tests: single-key shortcuts never act while the agent writes (a click on the note tab
 * puts the cursor in the box, and after a composer button the keys are text, not commands);
 * they act from the list, where every resolve shows a toast with Undo; and a resolve moves on
 * to the next conversation (the agent's preference, on by default).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, consoleApi, createCustomer, customerSays, eventually, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const conversation = (phone: string) => `/inbox/${encodeURIComponent(phone)}`;
async function status(page: Page, phone: string): Promise<string> {
  const r = await consoleApi(page, 'GET', `/api/conversations/${encodeURIComponent(phone)}`);
  return (r.json as { conversation: { status: string } }).conversation.status;
}

async function twoConversations(page: Page, names: [string, string]): Promise<[string, string]> {
  const a = uniquePhone('sms');
  const b = uniquePhone('sms');
  await createCustomer(a, names[0]);
  await createCustomer(b, names[1]);
  await customerSays(page, a, `Hello from ${names[0]}`);
  await customerSays(page, b, `Hello from ${names[1]}`);
  return [a, b];
}

describe('single-key shortcuts', () => {
  it('never resolve or switch while the agent types a note after clicking its tab, nor right after a composer button', async () => {
    const { context, page } = await signedIn(browser, AGENT);
    const [a] = await twoConversations(page, ['Wren', 'Yael']);
    await page.goto(conversation(a));
    await page.getByRole('log').getByText('Hello from Wren').waitFor();

    await page.getByRole('tab', { name: 'Private note' }).click();
    await page.keyboard.type('Checked with warehouse');
    const note = page.getByLabel('Private note', { exact: true });
    expect(await note.inputValue()).toBe('Checked with warehouse');
    expect(new URL(page.url()).pathname).toBe(conversation(a));

    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('log').getByText('Checked with warehouse').waitFor();
    await page.keyboard.press('e');
    await page.keyboard.press('k');
    await new Promise((r) => setTimeout(r, 600));
    expect(await status(page, a)).toBe('open');
    expect(new URL(page.url()).pathname).toBe(conversation(a));
    await context.close();
  });

  it('resolve from the list with a toast whose Undo reopens the conversation', async () => {
    const { context, page } = await signedIn(browser, AGENT);
    const [a] = await twoConversations(page, ['Zoltan', 'Amaury']);
    await page.goto(conversation(a));
    await page.getByRole('log').getByText('Hello from Zoltan').waitFor();
    await page.locator(`.pane-list a[data-phone="${a}"]`).focus();
    await page.keyboard.press('e');
    const toast = page.getByRole('status').filter({ hasText: 'Conversation with Zoltan Test resolved.' });
    await toast.waitFor();
    await eventually('the conversation to be resolved', async () => (await status(page, a)) === 'resolved');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually('Undo to reopen it', async () => (await status(page, a)) === 'open');
    await context.close();
  });

  it('a resolve opens the next conversation of the list, and an assignment shows a toast too', async () => {
    const { context, page } = await signedIn(browser, AGENT);
    const [a, b] = await twoConversations(page, ['Bastien', 'Capucine']);
    // b wrote last: it is above a in the list, so a's neighbour below is someone else, above is b.
    await page.goto(conversation(b));
    await page.getByRole('log').getByText('Hello from Capucine').waitFor();
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('status').getByText('Conversation with Capucine Test resolved.').waitFor();
    await eventually('another conversation to open', async () => new URL(page.url()).pathname !== conversation(b));
    expect(new URL(page.url()).pathname).toMatch(/^\/inbox\/%2B/);

    await page.goto(conversation(a));
    await page.getByRole('log').getByText('Hello from Bastien').waitFor();
    await page.getByLabel('Assignee').selectOption({ label: 'Demo Agent (me)' });
    await page.getByRole('status').getByText('Conversation with Bastien Test assigned to Demo Agent.').waitFor();
    await context.close();
  });
});
