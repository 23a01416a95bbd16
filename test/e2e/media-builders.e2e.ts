/**
 * Browser tests of the card and carousel builders: an image dropped in the builder is uploaded
 * to the media library and reaches the thread and the customer's phone by its public URL; a
 * carousel of three cards is built, sent and shown; labels are counted, not cut; what carriers
 * refuse (http, SVG) blocks the card; nothing is said to be wrong before the agent types; the
 * attached card stays small; the SMS counter counts the "Reply: …" line of the chips.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, baseURL, createCustomer, customerSays, launch, signedIn, uniquePhone } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LIBRARY_URL = /\/media\/[0-9a-f]{32}\.png$/;

/** The few browser APIs the page functions below use (this test project has no DOM types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    fillText(t: string, x: number, y: number): void;
  } | null;
  toBlob(done: (blob: Blob | null) => void, type: string): void;
  toDataURL(type: string): string;
}
interface PageGlobals {
  document: { createElement(tag: 'canvas'): Canvas };
  DataTransfer: new () => { items: { add(file: File): void } };
  DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => Event;
}

/** A real PNG drawn in the page (so each test's file differs), dropped on `zone` as a DataTransfer. */
async function dropPng(zone: Locator, name: string, color: string): Promise<void> {
  await zone.evaluate(
    async (el, { name, color }) => {
      const { document, DataTransfer, DragEvent } = globalThis as unknown as PageGlobals;
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 200;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 320, 200);
      ctx.fillStyle = '#fff';
      ctx.fillText(`${name} ${Date.now()}`, 10, 100);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('no PNG');
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { name, color },
  );
}

/** A PNG made in Node, for the file picker. */
async function pngBytes(page: Page, color: string): Promise<Buffer> {
  const b64 = await page.evaluate(async (color) => {
    const { document } = globalThis as unknown as PageGlobals;
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 240;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 240, 240);
    ctx.fillText(String(Math.random()), 10, 120);
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  }, color);
  return Buffer.from(b64, 'base64');
}

async function openThread(phone: string, name: string) {
  await createCustomer(phone, name);
  const { context, page } = await signedIn(browser, AGENT);
  await customerSays(page, phone, 'Hi, what is new this season?');
  await page.goto(`/inbox/${encodeURIComponent(phone)}`);
  await page.getByRole('log').getByText('Hi, what is new this season?').waitFor();
  return { context, page };
}

/** Loaded images (naturalWidth > 0) whose src is `url`, inside `scope`. */
const loadedImages = (scope: Locator, url: string) =>
  scope
    .locator('img')
    .evaluateAll(
      (imgs, url) =>
        imgs.map((i) => i as unknown as { src: string; naturalWidth: number }).filter((i) => i.src === url && i.naturalWidth > 0).length,
      url,
    );

describe('the card builder', () => {
  it('uploads a dropped PNG; the preview, the sent card in the thread and the phone show it from its public URL', async () => {
    const phone = uniquePhone('rcs');
    const { context, page } = await openThread(phone, 'Louise');
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    // Nothing is wrong before the agent has typed.
    await expect(builder.getByText('To fix before attaching').count()).resolves.toBe(0);
    await expect(builder.getByRole('alert').count()).resolves.toBe(0);

    await dropPng(builder.getByRole('group', { name: 'Drop an image or a video here' }), 'linen.png', '#c8a97e');
    const urlField = builder.getByLabel('Image URL');
    await expect.poll(() => urlField.inputValue(), { timeout: 15_000 }).toMatch(LIBRARY_URL);
    const url = await urlField.inputValue();
    expect(url.startsWith(baseURL())).toBe(true);
    const preview = builder.getByRole('region', { name: 'On an RCS phone' });
    await expect.poll(() => loadedImages(preview, url)).toBe(1);

    // Served to anyone (carriers fetch without cookies), immutable, its exact type.
    const pub = await fetch(url);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/png');
    expect(pub.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // The console's page never answers for a missing file.
    const missing = await fetch(`${baseURL()}/media/${'0'.repeat(32)}.png`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);

    await builder.getByLabel('Title', { exact: true }).fill('The linen edit');
    await builder.getByLabel('Button text 1').fill('Shop the look');
    await builder.getByLabel('Link (optional) 1').fill('https://shop.example.com/linen');
    await builder.getByRole('button', { name: 'Attach card' }).click();

    // The attached card is one compact line: the thread stays in view.
    const attached = page.getByRole('region', { name: 'Card', exact: true });
    await attached.getByText('The linen edit').waitFor();
    expect((await attached.boundingBox())?.height ?? 999).toBeLessThan(70);

    await page.getByRole('button', { name: 'Send' }).click();
    const log = page.getByRole('log');
    await log.getByText('The linen edit').waitFor();
    await expect.poll(() => loadedImages(log, url)).toBe(1);

    const sim = await context.newPage();
    await sim.goto(`/simulator/${encodeURIComponent(phone)}`);
    const screen = sim.getByLabel('Louise Test', { exact: true });
    await screen.getByText('The linen edit').waitFor();
    await expect.poll(() => loadedImages(screen, url)).toBe(1);
    await context.close();
  });

  it('counts button labels without cutting them, and blocks a label over 25 characters', async () => {
    const { context, page } = await openThread(uniquePhone('rcs'), 'Marc');
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title', { exact: true }).fill('Summer sale');
    const label = builder.getByLabel('Button text 1');
    await label.fill('Track');
    await builder.getByText('5/25').waitFor();
    const long = 'See everything in the summer sale';
    await label.fill(long);
    expect(await label.inputValue()).toBe(long);
    await builder.getByText(`${long.length}/25`).waitFor();
    await builder.getByRole('button', { name: 'Attach card' }).click();
    await builder.getByText('A button label is longer than 25 characters.').waitFor();
    await expect(page.getByRole('dialog', { name: 'Card builder' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('blocks an http or SVG image URL, naming why', async () => {
    const { context, page } = await openThread(uniquePhone('rcs'), 'Inès');
    await page.getByRole('button', { name: 'Card', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Card builder' });
    await builder.getByLabel('Title', { exact: true }).fill('New arrivals');
    await builder.getByLabel('Image URL').fill('http://cdn.example.com/dress.png');
    await builder.getByRole('alert').getByText('Carriers only fetch https addresses').waitFor();
    await builder.getByRole('button', { name: 'Attach card' }).click();
    await expect(builder.isVisible()).resolves.toBe(true);
    await builder.getByLabel('Image URL').fill('https://cdn.example.com/logo.svg');
    await builder.getByRole('alert').getByText('Phones do not show “.svg” files').waitFor();
    await builder.getByRole('button', { name: 'Attach card' }).click();
    await expect(builder.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Card', exact: true }).count()).resolves.toBe(0);
    await context.close();
  });
});

describe('the carousel builder', () => {
  it('builds three cards (file picker, library, URL), sends them, and the thread and the phone show all three', async () => {
    const phone = uniquePhone('rcs');
    const { context, page } = await openThread(phone, 'Sacha');
    await page.getByRole('button', { name: 'Carousel', exact: true }).click();
    const builder = page.getByRole('dialog', { name: 'Carousel builder' });
    await builder.getByRole('button', { name: 'Add card' }).click();
    await expect(builder.getByRole('tab').count()).resolves.toBe(3);

    // Card 1: through the file picker.
    await builder.getByRole('tab', { name: 'Card 1' }).click();
    await builder
      .getByLabel('Card 1 · Choose a file')
      .setInputFiles({ name: 'shirt.png', mimeType: 'image/png', buffer: await pngBytes(page, '#5b7db1') });
    const url1 = builder.getByLabel('Card 1 · Image URL');
    await expect.poll(() => url1.inputValue(), { timeout: 15_000 }).toMatch(LIBRARY_URL);
    const shirt = await url1.inputValue();
    await builder.getByLabel('Card 1 · Title').fill('Oxford Shirt');
    await builder.getByLabel('Card 1 · Button text 1').fill('Buy the shirt');
    await builder.getByLabel('Card 1 · Link (optional) 1').fill('https://shop.example.com/shirt');

    // Card 2: the same file, reused from the library.
    await builder.getByRole('tab', { name: 'Card 2' }).click();
    await builder.getByRole('tabpanel').getByRole('button', { name: 'Library' }).click();
    await builder.getByRole('button', { name: 'Use shirt.png' }).first().click();
    await expect.poll(() => builder.getByLabel('Card 2 · Image URL').inputValue()).toBe(shirt);
    await builder.getByLabel('Card 2 · Title').fill('Linen Dress');
    await builder.getByLabel('Card 2 · Button text 1').fill('Buy the dress');
    await builder.getByLabel('Card 2 · Link (optional) 1').fill('https://shop.example.com/dress');

    // Card 3: a pasted https URL.
    await builder.getByRole('tab', { name: 'Card 3' }).click();
    await builder.getByLabel('Card 3 · Image URL').fill(shirt);
    await builder.getByLabel('Card 3 · Title').fill('Brass Lamp');
    await builder.getByLabel('Card 3 · Button text 1').fill('Buy the lamp');
    await builder.getByLabel('Card 3 · Link (optional) 1').fill('https://shop.example.com/lamp');

    // Reorder: the lamp first.
    await builder.getByRole('button', { name: 'Move card 3 left' }).click();
    await builder.getByRole('button', { name: 'Move card 2 left' }).click();
    await builder.getByRole('button', { name: 'Add button' }).last().click();
    await builder.getByLabel('Carousel · Button text 1').fill('See the collection');
    await builder.getByLabel('Carousel · Link (optional) 1').fill('https://shop.example.com/summer');
    const preview = builder.getByRole('region', { name: 'On an RCS phone' });
    await expect.poll(() => preview.locator('.rcs-card-title').allTextContents()).toEqual(['Brass Lamp', 'Oxford Shirt', 'Linen Dress']);
    // The same advice on every card (a local address only the sandbox fetches) is said once, naming the cards.
    const local = builder.getByRole('listitem').filter({ hasText: 'Only the sandbox can fetch a localhost address' });
    await expect.poll(() => local.count()).toBe(1);
    await expect(local.textContent()).resolves.toContain('Card 1 · Image, Card 2 · Image, Card 3 · Image');
    await builder.getByRole('button', { name: 'Attach carousel' }).click();
    await page.getByRole('region', { name: 'Carousel · 3 cards' }).waitFor();

    await page.getByRole('button', { name: 'Send' }).click();
    const log = page.getByRole('log');
    const sent = log.getByRole('region', { name: 'Carousel', exact: true }).last();
    await sent.getByText('Brass Lamp').waitFor();
    await expect.poll(() => sent.locator('.rcs-card-title').allTextContents()).toEqual(['Brass Lamp', 'Oxford Shirt', 'Linen Dress']);
    await expect.poll(() => loadedImages(sent, shirt)).toBe(3);
    await log.getByText('See the collection').first().waitFor();

    const sim = await context.newPage();
    await sim.goto(`/simulator/${encodeURIComponent(phone)}`);
    const screen = sim.getByLabel('Sacha Test', { exact: true });
    await screen.getByText('Linen Dress').waitFor();
    for (const title of ['Brass Lamp', 'Oxford Shirt', 'Linen Dress']) await screen.getByText(title).waitFor();
    await screen.getByRole('button', { name: 'See the collection' }).waitFor();
    await context.close();
  });
});

describe('the composer', () => {
  it('counts the SMS that is sent: the reply chips add their "Reply: …" line', async () => {
    const { context, page } = await openThread(uniquePhone('rcs'), 'Yann');
    await page.getByRole('textbox', { name: 'Reply', exact: true }).fill('Is it for you?');
    await page.getByText('1 SMS segment(s) · GSM-7 · 14 chars').waitFor();
    const chip = page.getByLabel('Add a suggested reply');
    await chip.fill('Yes');
    await chip.press('Enter');
    // "Is it for you?\nReply: Yes" is what the Worker sends as SMS.
    await page.getByText(`1 SMS segment(s) · GSM-7 · ${'Is it for you?\nReply: Yes'.length} chars`).waitFor();
    await context.close();
  });
});
