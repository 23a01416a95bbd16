/**
 * Maps the content model to Twilio Content API template types (docs/carriers.md, "Twilio RCS"):
 * `twilio/card` (also text + chips and media + chips), `twilio/media`, `twilio/carousel`, and
 * always a `twilio/text` with the fallback text, which is what Twilio sends when it falls back
 * to SMS. Button ids carry our postback data (it comes back as `ButtonPayload`).
 */
import type { Card, Content, Suggestion } from '../../../schemas/content';
import { postbackOf, STOP_POSTBACK, withPostbacks } from '../../profile/postbacks';

export type TwilioAction =
  | { type: 'QUICK_REPLY'; title: string; id: string }
  | { type: 'URL'; title: string; url: string; id: string }
  | { type: 'PHONE_NUMBER'; title: string; phone: string };

interface TwilioCard {
  title?: string;
  body?: string;
  media?: string[];
  actions?: TwilioAction[];
}

export interface TemplateTypes {
  'twilio/text': { body: string };
  'twilio/media'?: { body?: string; media: string[] };
  'twilio/card'?: TwilioCard;
  'twilio/carousel'?: { body: string; cards: TwilioCard[] };
}

/** What a Twilio RCS template can carry, in RBM capability names (location and calendar as links). */
export const TWILIO_RCS_FEATURES = [
  'RICHCARD_STANDALONE',
  'RICHCARD_CAROUSEL',
  'ACTION_OPEN_URL',
  'ACTION_DIAL',
  'ACTION_VIEW_LOCATION',
  'ACTION_CREATE_CALENDAR_EVENT',
];

const calendarStamp = (iso: string): string =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A Google Calendar "add event" link (works in any browser the RCS client opens). */
export function calendarUrl(start: string, end: string, title: string, description?: string): string {
  const q = new URLSearchParams({ action: 'TEMPLATE', text: title, dates: `${calendarStamp(start)}/${calendarStamp(end)}` });
  if (description) q.set('details', description);
  return `https://calendar.google.com/calendar/render?${q.toString()}`;
}

/**
 * One suggestion as a Twilio action, or null when RCS-through-Twilio has no such action
 * (share location: the customer can still type or send their location themselves).
 */
export function toAction(s: Suggestion): TwilioAction | null {
  const id = postbackOf(s);
  switch (s.type) {
    case 'reply':
      return { type: 'QUICK_REPLY', title: s.text, id };
    case 'url':
      return { type: 'URL', title: s.text, url: s.url, id };
    case 'dial':
      return { type: 'PHONE_NUMBER', title: s.text, phone: s.phone };
    case 'location':
      // No view-location action in Twilio's RCS card: open the place in Google Maps instead.
      return { type: 'URL', title: s.text, url: `https://www.google.com/maps/search/?api=1&query=${s.latitude},${s.longitude}`, id };
    case 'calendar':
      // No calendar action in Twilio's RCS card: Google Calendar's event template link instead.
      return { type: 'URL', title: s.text, url: calendarUrl(s.start, s.end, s.title, s.description), id };
    case 'share_location':
      return null;
  }
}

function actions(list: Suggestion[] | undefined): TwilioAction[] {
  const out: TwilioAction[] = [];
  for (const s of list ?? []) {
    const a = toAction(s);
    if (a) out.push(a);
  }
  return out;
}

function card(c: Card, extra: TwilioAction[]): TwilioCard {
  const out: TwilioCard = {};
  if (c.title) out.title = c.title;
  if (c.description) out.body = c.description;
  if (c.media) out.media = [c.media.url];
  const acts = [...actions(c.buttons), ...extra];
  if (acts.length) out.actions = acts;
  return out;
}

/**
 * Template types for a content, or null when a plain `Body` says it all (text without
 * chips needs no template: the Messaging Service sends it over RCS or SMS as is).
 */
export function toTemplateTypes(composed: Content, messageId: string, fallbackText: string): TemplateTypes | null {
  // Postbacks the composer left out, in the one scheme the Profile traces taps with.
  const { content } = withPostbacks(composed, messageId);
  const text = { body: fallbackText };
  const chips = actions(content.suggestions);
  switch (content.type) {
    case 'text':
      if (!chips.length) return null;
      return { 'twilio/text': text, 'twilio/card': { body: content.text, actions: chips } };
    case 'media':
      if (!chips.length) {
        return { 'twilio/text': text, 'twilio/media': { ...(content.text ? { body: content.text } : {}), media: [content.media.url] } };
      }
      return {
        'twilio/text': text,
        'twilio/card': { ...(content.text ? { body: content.text } : {}), media: [content.media.url], actions: chips },
      };
    case 'card':
      return { 'twilio/text': text, 'twilio/card': card(content.card, chips) };
    case 'carousel':
      return {
        'twilio/text': text,
        // Body is required by the API but dropped over RCS.
        'twilio/carousel': { body: fallbackText, cards: carouselCards(content.cards, chips) },
      };
  }
}

/** Twilio's carousel cards take one or two buttons each. */
const CAROUSEL_CARD_ACTIONS = 2;

/**
 * Twilio carousels have no message-level chips, so the message's suggestions take the free
 * button slots of its cards, from the last card back, the opt-out ("Stop") first: a marketing
 * carousel keeps its way out. What finds no slot is left out (docs/carriers.md, "Twilio RCS").
 */
function carouselCards(cards: readonly Card[], chips: readonly TwilioAction[]): TwilioCard[] {
  const out = cards.map((c) => {
    const tc = card(c, []);
    if (tc.actions) tc.actions = tc.actions.slice(0, CAROUSEL_CARD_ACTIONS);
    return tc;
  });
  const pending = [...chips].sort((a, b) => Number(isStop(b)) - Number(isStop(a)));
  for (let i = out.length - 1; i >= 0 && pending.length > 0; i--) {
    const tc = out[i] as TwilioCard;
    const acts = tc.actions ?? [];
    while (acts.length < CAROUSEL_CARD_ACTIONS && pending.length > 0) acts.push(pending.shift() as TwilioAction);
    if (acts.length) tc.actions = acts;
  }
  return out;
}

const isStop = (a: TwilioAction): boolean => a.type === 'QUICK_REPLY' && a.id === STOP_POSTBACK;
