/**
 * Demo data for a fresh sandbox deployment: about twenty customers (French and US numbers,
 * RCS-capable and SMS-only by the sandbox default rule: last digit even = RCS) with names,
 * properties and consent states, and conversations for the product's four scenarios. Built
 * only through the real paths (Profile RPCs for the brand's side, the sandbox's callback
 * ingestion for the customers' side, actor `seed`), so threads, statuses, consent logs and
 * the inbox agree.
 *
 * Runs once per deployment (D1 `meta` row `seeded`), only when both providers are the
 * sandbox: demo numbers must never be texted through a real carrier. Every step is
 * idempotent (fixed idempotency keys, event ids and callback ids), so a seed interrupted
 * halfway is simply run again.
 */
import { readSettings } from './settings';
import type { Content } from '../schemas/content';
import type { MessageView } from '../schemas/messages';
import type { ProfileUpsert } from '../schemas/profile';
import { config } from './config';
import type { SendRequest } from './profile.types';
import { ingestSandbox } from './providers/sandbox/webhook';
import { seedResultsHistory } from './results/demo';

const SHOP = 'https://maison-lumiere.example';

type Locale = 'fr' | 'en';
interface DemoProfile {
  phone: string;
  first_name: string;
  last_name: string;
  locale: Locale;
  timezone: string;
  properties: Record<string, unknown>;
  marketing: 'subscribed' | 'never';
  /** What happens to this customer (several scenarios may apply). */
  story: Story[];
}

type Story =
  | { kind: 'launch'; tap?: boolean; reply?: string; stop?: boolean }
  | { kind: 'back_in_stock'; tap?: boolean }
  | { kind: 'vip_promo'; tap?: boolean; reply?: string }
  | { kind: 'order'; number: string; amount: number; tap?: 'track' | 'talk'; reply?: string }
  | { kind: 'inbound'; text: string };

// Numbers from the ranges reserved for fiction: ARCEP's 06 39 98 xx xx and the US 555-01xx.
export const DEMO_PROFILES: DemoProfile[] = [
  fr('+33639980102', 'Camille', 'Durand', { vip: true, average_basket: 182, preferred_category: 'dresses' }, 'subscribed', [
    { kind: 'vip_promo', tap: true },
  ]),
  fr('+33639980113', 'Lucas', 'Martin', { vip: false, average_basket: 64, preferred_category: 'shirts' }, 'subscribed', [
    { kind: 'launch' },
  ]),
  fr('+33639980124', 'Léa', 'Bernard', { vip: true, average_basket: 240, preferred_category: 'bags' }, 'subscribed', [
    { kind: 'vip_promo', reply: 'Il existe aussi en camel ?' },
  ]),
  fr('+33639980135', 'Hugo', 'Petit', { vip: false, average_basket: 45, preferred_category: 'sneakers' }, 'subscribed', [
    { kind: 'back_in_stock' },
  ]),
  fr('+33639980146', 'Chloé', 'Robert', { vip: false, average_basket: 96, preferred_category: 'sneakers' }, 'subscribed', [
    { kind: 'back_in_stock', tap: true },
  ]),
  fr('+33639980157', 'Louis', 'Richard', { vip: false, average_basket: 71, preferred_category: 'shirts' }, 'subscribed', [
    { kind: 'order', number: '1041', amount: 71 },
  ]),
  fr('+33639980168', 'Manon', 'Dubois', { vip: false, average_basket: 88, preferred_category: 'dresses' }, 'subscribed', [
    { kind: 'launch', tap: true },
  ]),
  fr('+33639980179', 'Nathan', 'Moreau', { vip: false, average_basket: 39, preferred_category: 'home' }, 'never', [
    { kind: 'order', number: '1043', amount: 39 },
  ]),
  fr('+33639980180', 'Inès', 'Laurent', { vip: false, average_basket: 129, preferred_category: 'dresses' }, 'subscribed', [
    { kind: 'order', number: '1042', amount: 186, tap: 'talk', reply: 'Bonjour, puis-je changer l’adresse de livraison ?' },
  ]),
  fr('+33639980191', 'Jules', 'Simon', { vip: false, average_basket: 52, preferred_category: 'shirts' }, 'subscribed', [
    { kind: 'launch', stop: true },
  ]),
  fr('+33639980106', 'Emma', 'Michel', { vip: false, average_basket: 0, preferred_category: 'home' }, 'never', [
    { kind: 'inbound', text: 'Bonjour, vous livrez en Belgique ?' },
  ]),
  fr('+33639980117', 'Gabriel', 'Lefebvre', { vip: false, average_basket: 110, preferred_category: 'bags' }, 'subscribed', []),
  us(
    '+12125550142',
    'Olivia',
    'Johnson',
    'America/New_York',
    { vip: true, average_basket: 310, preferred_category: 'bags' },
    'subscribed',
    [{ kind: 'vip_promo', tap: true }],
  ),
  us('+12125550153', 'Liam', 'Smith', 'America/New_York', { vip: false, average_basket: 58, preferred_category: 'shirts' }, 'subscribed', [
    { kind: 'launch' },
  ]),
  us(
    '+13105550164',
    'Ava',
    'Williams',
    'America/Los_Angeles',
    { vip: false, average_basket: 142, preferred_category: 'dresses' },
    'subscribed',
    [{ kind: 'order', number: '1044', amount: 142, tap: 'track' }],
  ),
  us('+13125550175', 'Noah', 'Brown', 'America/Chicago', { vip: false, average_basket: 35, preferred_category: 'home' }, 'never', [
    { kind: 'order', number: '1045', amount: 35 },
  ]),
  us(
    '+14155550186',
    'Sophia',
    'Davis',
    'America/Los_Angeles',
    { vip: false, average_basket: 89, preferred_category: 'sneakers' },
    'subscribed',
    [{ kind: 'back_in_stock', tap: true }],
  ),
  us(
    '+16175550197',
    'Ethan',
    'Miller',
    'America/New_York',
    { vip: false, average_basket: 67, preferred_category: 'shirts' },
    'subscribed',
    [{ kind: 'inbound', text: 'HELP' }],
  ),
  us(
    '+13055550108',
    'Mia',
    'Garcia',
    'America/New_York',
    { vip: false, average_basket: 120, preferred_category: 'dresses' },
    'subscribed',
    [{ kind: 'launch', reply: 'Love the linen dress 😍 does it run small?' }],
  ),
  us(
    '+17185550119',
    'James',
    'Wilson',
    'America/New_York',
    { vip: true, average_basket: 205, preferred_category: 'home' },
    'subscribed',
    [],
  ),
];

function fr(
  phone: string,
  first_name: string,
  last_name: string,
  properties: Record<string, unknown>,
  marketing: DemoProfile['marketing'],
  story: Story[],
): DemoProfile {
  return { phone, first_name, last_name, locale: 'fr', timezone: 'Europe/Paris', properties, marketing, story };
}
function us(
  phone: string,
  first_name: string,
  last_name: string,
  timezone: string,
  properties: Record<string, unknown>,
  marketing: DemoProfile['marketing'],
  story: Story[],
): DemoProfile {
  return { phone, first_name, last_name, locale: 'en', timezone, properties, marketing, story };
}

const t = (locale: Locale, fr: string, en: string) => (locale === 'fr' ? fr : en);

/** The four scenarios of docs/product.md as content, in the customer's language. */
export function demoContent(imageBase: string, p: Pick<DemoProfile, 'locale' | 'first_name'>, currency = 'EUR') {
  const img = (file: string) => `${imageBase}/demo/${file}`;
  const l = p.locale;
  // Amounts in the brand's currency (the same the console shows for the order), as the customer's language writes them.
  const money = (amount: number) => new Intl.NumberFormat(l === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency }).format(amount);
  const launch: Content = {
    type: 'carousel',
    width: 'medium',
    cards: [
      {
        title: t(l, 'Robe Lin Sable', 'Sand Linen Dress'),
        description: t(l, `Lin lavé, coupe fluide. ${money(129)}`, `Washed linen, easy fit. ${money(129)}`),
        media: { url: img('linen-dress.png'), height: 'medium', alt: t(l, 'Robe en lin sable', 'Sand linen dress') },
      },
      {
        title: t(l, 'Chemise Oxford', 'Oxford Shirt'),
        description: t(l, `Coton bio, bleu ciel. ${money(79)}`, `Organic cotton, sky blue. ${money(79)}`),
        media: { url: img('oxford-shirt.png'), height: 'medium', alt: t(l, 'Chemise oxford bleue', 'Blue oxford shirt') },
      },
      {
        title: t(l, 'Lampe Laiton', 'Brass Table Lamp'),
        description: t(l, `Lumière chaude, fait main. ${money(149)}`, `Warm light, handmade. ${money(149)}`),
        media: { url: img('table-lamp.png'), height: 'medium', alt: t(l, 'Lampe de table en laiton', 'Brass table lamp') },
      },
    ],
    suggestions: [{ type: 'url', text: t(l, 'Voir la collection', 'See the collection'), url: `${SHOP}/collections/ete` }],
  };
  const backInStock: Content = {
    type: 'media',
    media: { url: img('court-sneaker.png'), height: 'medium', alt: t(l, 'Basket Court blanche', 'White court sneaker') },
    text: t(
      l,
      `${p.first_name}, la Basket Court blanche est de retour en 42.`,
      `${p.first_name}, the white Court sneaker is back in your size.`,
    ),
    suggestions: [{ type: 'url', text: t(l, 'Je la commande', 'Get yours'), url: `${SHOP}/p/basket-court-blanche` }],
  };
  const vipPromo: Content = {
    type: 'card',
    card: {
      title: t(l, '-20 % pour nos VIP', '20% off for our VIPs'),
      description: t(
        l,
        `${p.first_name}, le Cabas Cuir Cognac vous attend à -20 % jusqu’à dimanche.`,
        `${p.first_name}, the Cognac Leather Tote is 20% off until Sunday, just for you.`,
      ),
      media: { url: img('leather-tote.png'), height: 'medium', alt: t(l, 'Cabas en cuir cognac', 'Cognac leather tote') },
      buttons: [{ type: 'reply', text: t(l, 'J’en profite', 'I’ll take it'), postback: 'vip_take_it' }],
    },
  };
  const order = (number: string, amount: number): Content => ({
    type: 'card',
    card: {
      title: t(l, `Commande n° ${number} confirmée`, `Order #${number} confirmed`),
      description: t(
        l,
        `Merci ${p.first_name} ! ${money(amount)} · livraison sous 2 à 3 jours.`,
        `Thanks ${p.first_name}! ${money(amount)} · arrives in 2-3 days.`,
      ),
      media: { url: img('parcel.png'), height: 'short', alt: t(l, 'Un colis', 'A parcel') },
      buttons: [{ type: 'url', text: t(l, 'Suivre mon colis', 'Track my parcel'), url: `${SHOP}/orders/${number}`, postback: 'track' }],
    },
    suggestions: [{ type: 'reply', text: t(l, 'Parler à quelqu’un', 'Talk to someone'), postback: 'talk_to_someone' }],
  });
  return { launch, backInStock, vipPromo, order };
}

export interface SeedReport {
  profiles: number;
  sent: number;
  refused: number;
  callbacks: number;
}

/** Seeds the demo data (idempotent). Callers decide whether it should run: see `ensureDemoData`. */
export async function seedDemo(env: Env): Promise<SeedReport> {
  const imageBase = config(env).publicUrl;
  const { currency } = await readSettings(env);
  const report: SeedReport = { profiles: 0, sent: 0, refused: 0, callbacks: 0 };
  for (const p of DEMO_PROFILES) {
    const stub = env.PROFILE.getByName(p.phone);
    const input: ProfileUpsert = {
      first_name: p.first_name,
      last_name: p.last_name,
      email: `${`${p.first_name}.${p.last_name}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()}@example.com`,
      locale: p.locale,
      timezone: p.timezone,
      properties: p.properties,
      ...(p.marketing === 'subscribed' && {
        consent: { marketing: 'subscribed', source: t(p.locale, 'case cochée au paiement (démo)', 'checkout opt-in (demo)') },
      }),
    };
    await stub.upsert(p.phone, input, 'seed');
    report.profiles++;
    const content = demoContent(imageBase, p, currency);
    const channel = Number(p.phone.at(-1)) % 2 === 0 ? 'rcs' : 'sms';
    let step = 0;
    // A callback as the customer's phone sends it; fixed ids make a re-run a no-op.
    const customer = async (
      cb: { type: 'message'; text: string } | { type: 'tap'; text: string; postback: string; message_id: string; kind: 'reply' | 'action' },
    ) => {
      step++;
      try {
        await ingestSandbox(env, { ...cb, id: `seed-${p.phone}-${step}`, phone: p.phone, channel }, { actor: 'seed' });
      } catch (err) {
        console.warn(`seed: callback for ${p.phone} refused`, err);
      }
      report.callbacks++;
    };
    const send = async (key: string, req: Omit<SendRequest, 'idempotency_key' | 'author'>): Promise<MessageView | null> => {
      const outcome = await stub.send(p.phone, { ...req, idempotency_key: `seed-${key}-${p.phone}`, author: 'seed' });
      if (!outcome.ok) {
        report.refused++;
        console.warn(`seed: ${key} to ${p.phone} refused: ${outcome.error}`);
        return null;
      }
      report.sent++;
      // Only a message the phone has (not held for quiet hours, not skipped) can be tapped.
      if (!['sent', 'delivered', 'read', 'fell_back', 'queued'].includes(outcome.status)) return null;
      const page = await stub.listMessages(p.phone, { limit: 5 });
      return page.messages.find((m) => m.id === outcome.id) ?? null;
    };
    const tapOn = async (message: MessageView | null, label: RegExp) => {
      if (!message?.content) return;
      const found = suggestionsOf(message.content).find((s) => label.test(s.text));
      if (!found?.postback) return;
      await customer({
        type: 'tap',
        text: found.text,
        postback: found.postback,
        message_id: message.id,
        kind: found.type === 'reply' ? 'reply' : 'action',
      });
    };

    for (const story of p.story) {
      switch (story.kind) {
        case 'launch': {
          const m = await send('launch', { purpose: 'marketing', content: content.launch, campaign_id: 'demo_new_collection' });
          if (story.tap) await tapOn(m, /collection/i);
          if (m && story.reply) await customer({ type: 'message', text: story.reply });
          // The STOP comes whatever the hour: seeded in the evening, the launch is held for quiet
          // hours (then skipped at release, since its customer opted out), and the demo keeps
          // its opted-out customer either way.
          if (story.stop) await customer({ type: 'message', text: 'STOP' });
          break;
        }
        case 'back_in_stock': {
          // The shop reports the restock for this customer (who asked to be told), then the alert.
          await stub.track({
            phone: p.phone,
            name: 'Back In Stock',
            id: `seed-bis-${p.phone}`,
            properties: { sku: 'COURT-WHITE-42', product: 'Basket Court blanche' },
          });
          const m = await send('back-in-stock', { purpose: 'marketing', content: content.backInStock, campaign_id: 'flow_back_in_stock' });
          if (story.tap) await tapOn(m, /.*/);
          break;
        }
        case 'vip_promo': {
          const m = await send('vip-promo', { purpose: 'marketing', content: content.vipPromo, campaign_id: 'demo_vip_preview' });
          if (story.tap) await tapOn(m, /profite|take it/i);
          if (m && story.reply) await customer({ type: 'message', text: story.reply });
          break;
        }
        case 'order': {
          await stub.track({
            phone: p.phone,
            name: 'Placed Order',
            id: `seed-order-${story.number}`,
            value: story.amount,
            properties: { order_id: story.number },
          });
          const m = await send(`order-${story.number}`, {
            purpose: 'transactional',
            content: content.order(story.number, story.amount),
            campaign_id: 'flow_order_confirmation',
          });
          if (story.tap === 'track') await tapOn(m, /colis|parcel/i);
          if (story.tap === 'talk') await tapOn(m, /quelqu|someone/i);
          if (m && story.reply) await customer({ type: 'message', text: story.reply });
          break;
        }
        case 'inbound':
          await customer({ type: 'message', text: story.text });
          break;
      }
    }
  }
  // A month of campaigns and flows behind the dashboard (fictional recipients, worker/results/demo.ts).
  await seedResultsHistory(env);
  return report;
}

function suggestionsOf(content: Content) {
  const list = [...(content.suggestions ?? [])];
  if (content.type === 'card') list.unshift(...(content.card.buttons ?? []));
  if (content.type === 'carousel') for (const card of content.cards) list.push(...(card.buttons ?? []));
  return list;
}

/** Whether this deployment should get demo data: sandbox only, and not switched off. */
export function demoEnabled(env: Env): boolean {
  // Read raw: config() would throw for a carrier missing its secrets, and any carrier means no demo.
  return (env.DEMO_DATA || '1') !== '0' && (env.RCS_PROVIDER || 'sandbox') === 'sandbox' && (env.SMS_PROVIDER || 'sandbox') === 'sandbox';
}

let seededInThisIsolate = false;

/**
 * Seeds once per deployment: the first caller to insert the D1 `meta` row `seeded` runs the
 * seed; everyone else (and every later request of this isolate) returns at once. A failed
 * seed removes its claim so the next start tries again.
 */
export async function ensureDemoData(env: Env): Promise<'seeded' | 'already' | 'disabled' | 'failed'> {
  if (seededInThisIsolate) return 'already';
  if (!demoEnabled(env)) return 'disabled';
  const claim = await env.DB.prepare("INSERT INTO meta (k, v) VALUES ('seeded', ?) ON CONFLICT (k) DO NOTHING")
    .bind(`started ${new Date().toISOString()}`)
    .run();
  seededInThisIsolate = true;
  if (claim.meta.changes === 0) return 'already';
  try {
    const report = await seedDemo(env);
    await env.DB.prepare("UPDATE meta SET v = ? WHERE k = 'seeded'")
      .bind(`done ${new Date().toISOString()} ${JSON.stringify(report)}`)
      .run();
    console.log(`demo data seeded: ${report.profiles} profiles, ${report.sent} messages, ${report.callbacks} customer callbacks`);
    return 'seeded';
  } catch (err) {
    // Demo data is a convenience: log, release the claim for the next start, keep serving.
    console.error('demo data seed failed; it will be retried on the next start', err);
    seededInThisIsolate = false;
    await env.DB.prepare("DELETE FROM meta WHERE k = 'seeded'").run();
    return 'failed';
  }
}
