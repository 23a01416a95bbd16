#!/usr/bin/env node
// `npm run screenshots`: regenerates docs/screenshots/*.png from the demo data. Builds the
// console, starts the real Worker on fresh local state with the sandbox demo seeded, signs
// in as the demo agent in headless Chromium and captures the inbox, a thread with a
// carousel, the carousel builder (images uploaded to the media library), the phone simulator,
// and, as the demo marketer, the campaign builder, its preview and a running campaign.
// and, signed in as the demo marketer, the results dashboard and a campaign's report.
// and the list, a thread and the composer on a phone (390 px).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startDevServer } from './dev-server.mjs';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
];
const OUT = 'docs/screenshots';

const b = spawnSync('node', ['scripts/build-client.mjs'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(1);
mkdirSync(OUT, { recursive: true });

const server = await startDevServer({ vars: { DEMO_DATA: '1' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill('agent@example.com');
  await page.getByLabel('Password').fill('agent-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.getByRole('tab', { name: /All/ }).click();
  await page.getByLabel('Status').selectOption('');

  // The demo's conversations, newest first; find one whose thread holds a carousel.
  const list = await (await page.request.get('/api/conversations?tab=all&limit=100')).json();
  const rows = list.conversations;
  if (!rows.length) throw new Error('the demo seed produced no conversations');
  let carousel = null;
  let card = null;
  for (const c of rows) {
    const m = await (await page.request.get(`/api/conversations/${encodeURIComponent(c.phone)}/messages?limit=50`)).json();
    const rcs = m.messages.filter((x) => x.channel === 'rcs' && x.direction === 'out');
    if (!carousel && rcs.some((x) => x.content?.type === 'carousel')) carousel = c.phone;
    // For the inbox shot: a card conversation where the customer also wrote.
    if (!card && rcs.some((x) => x.content?.type === 'card') && m.messages.some((x) => x.direction === 'in' && x.kind !== 'tap'))
      card = c.phone;
  }
  const first = rows.find((c) => c.phone === card) ?? rows.find((c) => c.unread > 0) ?? rows[0];

  const settle = async () => {
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.evaluate(() =>
      Promise.all([...document.images].filter((i) => !i.complete).map((i) => new Promise((r) => (i.onload = i.onerror = r)))),
    );
    await page.waitForTimeout(400);
  };

  await page.locator(`a[data-phone="${first.phone}"]`).click();
  await page.locator('.msg').first().waitFor();
  await settle();
  await page.screenshot({ path: `${OUT}/inbox.png` });
  console.log(`saved ${OUT}/inbox.png (${first.phone})`);

  if (carousel) {
    await page.locator(`a[data-phone="${carousel}"]`).click();
    await page.locator('.carousel').first().waitFor();
    await settle();
    await page.locator('.carousel').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}/thread-carousel.png` });
    console.log(`saved ${OUT}/thread-carousel.png (${carousel})`);
  } else console.warn('no RCS carousel in the demo threads: thread-carousel.png not updated');

  // The builders, filled through the media library (uploads of the demo's product photos).
  await page.locator(`a[data-phone="${first.phone}"]`).click();
  await page.locator('.msg').first().waitFor();
  const photo = async (name) => ({ name, mimeType: 'image/png', buffer: await (await page.request.get(`/demo/${name}`)).body() });
  await page.getByRole('button', { name: 'Carousel', exact: true }).click();
  const builder = page.getByRole('dialog', { name: 'Carousel builder' });
  await builder.getByRole('button', { name: 'Add card' }).click();
  const products = [
    ['linen-dress.png', 'Sand Linen Dress', 'Washed linen, easy fit. $139'],
    ['oxford-shirt.png', 'Oxford Shirt', 'Organic cotton, sky blue. $85'],
    ['table-lamp.png', 'Brass Table Lamp', 'Warm light, handmade. $159'],
  ];
  for (const [i, [file, title, description]] of products.entries()) {
    const card = `Card ${i + 1} · `;
    await builder.getByRole('tab', { name: `Card ${i + 1}` }).click();
    await builder.getByLabel(`${card}Choose a file`).setInputFiles(await photo(file));
    await builder.locator('.media-current img').waitFor();
    await builder.getByLabel(`${card}Title`).fill(title);
    await builder.getByLabel(`${card}Description`).fill(description);
    await builder.getByLabel(`${card}Button text 1`).fill('Buy now');
    await builder.getByLabel(`${card}Link (optional) 1`).fill('https://shop.example.com/p');
  }
  await builder.getByRole('button', { name: 'Add button' }).last().click();
  await builder.getByLabel('Carousel · Button text 1').fill('See the collection');
  await builder.getByLabel('Carousel · Link (optional) 1').fill('https://shop.example.com/summer');
  await builder.getByRole('tab', { name: 'Card 1' }).click();
  await builder.getByRole('button', { name: 'Library' }).click();
  await builder.locator('.media-tile img').first().waitFor();
  await settle();
  await page.locator('.modal').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/carousel-builder.png` });
  console.log(`saved ${OUT}/carousel-builder.png`);
  await page.keyboard.press('Escape');

  const phone = carousel ?? first.phone;
  await page.goto(`/simulator/${encodeURIComponent(phone)}`);
  await page.locator('.phone-screen .sim-row').first().waitFor();
  await settle();
  await page.locator('.phone-screen').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/simulator.png` });
  console.log(`saved ${OUT}/simulator.png (${phone})`);
  await context.close();
  await campaignShots(
    browser,
    rows.map((c) => c.phone),
    first,
  );

  // The marketers' dashboard (their home page) and a campaign's report, from the demo's month of results.
  const marketer = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  const m = await marketer.newPage();
  await m.goto('/login');
  await m.getByLabel('Email').fill('marketer@example.com');
  await m.getByLabel('Password').fill('marketer-password');
  await m.getByRole('button', { name: 'Sign in' }).click();
  await m.getByRole('heading', { name: 'Results' }).waitFor();
  await m.locator('[data-testid=revenue-over-time] canvas').waitFor();
  await m.waitForTimeout(600);
  await m.screenshot({ path: `${OUT}/dashboard.png` });
  console.log(`saved ${OUT}/dashboard.png`);
  await m.goto('/results/demo_spring_launch');
  await m.locator('[data-testid=funnel] canvas').waitFor();
  await m.waitForTimeout(600);
  await m.screenshot({ path: `${OUT}/campaign-report.png` });
  console.log(`saved ${OUT}/campaign-report.png`);
  await marketer.close();

  // A phone (390 px): the list, a thread, and the composer with a reply being written.
  const mobile = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  const mob = await mobile.newPage();
  await mob.goto('/login');
  await mob.getByLabel('Email').fill('agent@example.com');
  await mob.getByLabel('Password').fill('agent-password');
  await mob.getByRole('button', { name: 'Sign in' }).click();
  await mob.getByRole('heading', { name: 'Inbox' }).waitFor();
  await mob.getByRole('tab', { name: /All/ }).click();
  await mob.getByLabel('Status').selectOption('');
  await mob.locator(`a[data-phone="${first.phone}"]`).waitFor();
  await mob.waitForTimeout(400);
  await mob.screenshot({ path: `${OUT}/mobile-list.png` });
  console.log(`saved ${OUT}/mobile-list.png`);
  await mob.locator(`a[data-phone="${first.phone}"]`).click();
  await mob.locator('.msg').first().waitFor();
  await mob.waitForLoadState('networkidle').catch(() => {});
  await mob.waitForTimeout(400);
  await mob.screenshot({ path: `${OUT}/mobile-thread.png` });
  console.log(`saved ${OUT}/mobile-thread.png`);
  await mob
    .getByRole('textbox', { name: 'Reply', exact: true })
    .fill('Your parcel left our workshop this morning: tracking link to follow.');
  await mob.waitForTimeout(200);
  await mob.screenshot({ path: `${OUT}/mobile-composer.png` });
  console.log(`saved ${OUT}/mobile-composer.png`);
  await mobile.close();
} finally {
  await browser.close();
  server.stop();
}

/** The campaign builder (launch scenario), its preview as one demo customer, and a campaign's live page. */
async function campaignShots(browser, phones, customer) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1440, height: 1000 },
    locale: 'en-US',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill('marketer@example.com');
  await page.getByLabel('Password').fill('marketer-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.goto('/campaigns/new');
  await page.getByLabel('Start from').selectOption('launch');
  await page.getByRole('textbox', { name: 'A list of phone numbers' }).fill(phones.join('\n'));
  await page.getByRole('button', { name: 'Check the audience' }).click();
  await page
    .getByTestId('audience-breakdown')
    .getByText(/in the audience/)
    .waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/campaign-builder.png` });
  console.log(`saved ${OUT}/campaign-builder.png`);

  await page.getByRole('button', { name: /a sample customer/ }).click();
  await page.getByLabel('Search a customer by name or number').fill(customer.name ?? customer.phone);
  await page
    .getByRole('button', { name: new RegExp(customer.name ?? customer.phone) })
    .first()
    .click();
  await page.waitForTimeout(1500);
  await page.locator('.message-preview').screenshot({ path: `${OUT}/campaign-preview.png` });
  console.log(`saved ${OUT}/campaign-preview.png`);

  await page.getByRole('button', { name: 'Send campaign' }).click();
  await page.waitForURL(/\/campaigns\/cmp_/);
  await page.getByTestId('campaign-progress').waitFor();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${OUT}/campaign-running.png`, fullPage: true });
  console.log(`saved ${OUT}/campaign-running.png`);
  await context.close();
}
