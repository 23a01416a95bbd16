/**
 * The four scenarios a campaign can start from (the product's brief), as builder drafts with
 * their SMS version: Liquid over the profile is already in place where it helps.
 */
import { type CardFields, type Draft, emptyCardDraft, emptyCarouselDraft } from '../composer/drafts';

export type Scenario = 'scratchCard' | 'scratchCarousel' | 'launch' | 'backInStock' | 'promo' | 'transactional';
export const SCENARIOS: readonly Scenario[] = ['scratchCard', 'scratchCarousel', 'launch', 'backInStock', 'promo', 'transactional'];

const image = (file: string) => `${location.origin}/demo/${file}`;
const card = (f: Partial<CardFields>): CardFields => ({
  image: '',
  height: 'medium',
  alt: '',
  title: '',
  description: '',
  buttons: [],
  ...f,
});
const SHOP = 'https://shop.example.com';
/** A marketing SMS says how to stop (the lint refuses it otherwise). */
const STOP = 'Reply STOP to opt out.';

export function scenarioDraft(s: Scenario): { name: string; draft: Draft } {
  switch (s) {
    case 'scratchCard':
      return { name: '', draft: emptyCardDraft() };
    case 'scratchCarousel':
      return { name: '', draft: emptyCarouselDraft() };
    case 'launch':
      return {
        name: 'Launch: the new collection',
        draft: {
          kind: 'carousel',
          width: 'medium',
          cards: [
            card({
              image: image('linen-dress.png'),
              alt: 'Linen dress',
              title: 'Linen dress',
              description: '89 €',
              buttons: [{ text: 'See it', url: `${SHOP}/linen-dress` }],
            }),
            card({
              image: image('oxford-shirt.png'),
              alt: 'Oxford shirt',
              title: 'Oxford shirt',
              description: '69 €',
              buttons: [{ text: 'See it', url: `${SHOP}/oxford-shirt` }],
            }),
            card({
              image: image('leather-tote.png'),
              alt: 'Leather tote',
              title: 'Leather tote',
              description: '149 €',
              buttons: [{ text: 'See it', url: `${SHOP}/leather-tote` }],
            }),
          ],
          buttons: [{ text: 'See the collection', url: `${SHOP}/new` }],
          fallback: `{{ first_name | default: "Hello" }}, the new collection is here: linen, oxford, leather. ${SHOP}/new ${STOP}`,
        },
      };
    case 'backInStock':
      return {
        name: 'Back in stock',
        draft: {
          kind: 'card',
          card: card({
            image: image('court-sneaker.png'),
            alt: 'Court sneaker',
            title: 'Back in stock, {{ first_name | default: "friend" }}',
            description: 'The court sneaker you wanted is back in your size.',
            buttons: [{ text: 'Buy now', url: `${SHOP}/court-sneaker` }],
          }),
          buttons: [],
          fallback: `Back in stock, {{ first_name | default: "friend" }}: the court sneaker you wanted, in your size. ${SHOP}/court-sneaker ${STOP}`,
        },
      };
    case 'promo':
      return {
        name: 'Targeted promo',
        draft: {
          kind: 'card',
          card: card({
            image: image('table-lamp.png'),
            alt: 'Table lamp',
            title: '-20 % on {{ properties.preferred_category | default: "our lamps" }}',
            description: 'For you until Sunday, {{ first_name | default: "friend" }}.',
          }),
          buttons: [
            { text: 'I’ll take it', url: '' },
            { text: 'Talk to someone', url: '' },
          ],
          fallback: `-20 % for you until Sunday, {{ first_name | default: "friend" }}. Reply YES to take it. ${STOP}`,
        },
      };
    case 'transactional':
      return {
        name: 'Order on its way',
        draft: {
          kind: 'card',
          card: card({
            image: image('parcel.png'),
            alt: 'Parcel',
            title: 'Your order is on its way',
            description: '{{ first_name | default: "Hello" }}, it arrives in 2 days. Our new arrivals might go well with it.',
            buttons: [{ text: 'Track my parcel', url: `${SHOP}/track` }],
          }),
          buttons: [{ text: 'See new arrivals', url: `${SHOP}/new` }],
          fallback: `{{ first_name | default: "Hello" }}, your order is on its way: ${SHOP}/track ${STOP}`,
        },
      };
  }
}
