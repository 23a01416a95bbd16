/**
 * Postbacks: every suggestion we send carries postback data that traces a tap back to its
 * message. Generated when absent (`m.<messageId>.<index>`, unique per message and
 * suggestion); a postback the sender chose (e.g. "track") is kept as is. The one scheme: the
 * carrier mappings fill postbacks through `withPostbacks` too.
 */
import type { Content, Suggestion } from '../../schemas/content';

export interface OfferedSuggestion {
  idx: number;
  postback: string;
  type: Suggestion['type'];
  text: string;
  url: string | null;
}

/** A suggestion's postback, once `withPostbacks` has filled them all in. */
export function postbackOf(s: Suggestion): string {
  if (s.postback === undefined) throw new Error(`suggestion "${s.text}" has no postback: run withPostbacks first`);
  return s.postback;
}

/** Returns the content with every suggestion's postback filled in, and the list offered. */
export function withPostbacks(content: Content, messageId: string): { content: Content; offered: OfferedSuggestion[] } {
  const offered: OfferedSuggestion[] = [];
  const fill = (list: Suggestion[] | undefined): Suggestion[] | undefined => {
    if (!list) return list;
    return list.map((s) => {
      const idx = offered.length;
      const postback = s.postback ?? `m.${messageId}.${idx}`;
      offered.push({ idx, postback, type: s.type, text: s.text, url: s.type === 'url' ? s.url : null });
      return { ...s, postback };
    });
  };
  switch (content.type) {
    case 'card':
      return {
        content: { ...content, card: { ...content.card, buttons: fill(content.card.buttons) }, suggestions: fill(content.suggestions) },
        offered,
      };
    case 'carousel': {
      const cards = content.cards.map((card) => ({ ...card, buttons: fill(card.buttons) }));
      return { content: { ...content, cards, suggestions: fill(content.suggestions) }, offered };
    }
    default:
      return { content: { ...content, suggestions: fill(content.suggestions) }, offered };
  }
}

/** The RCS features a content needs (capability answer names, docs/carriers.md). */
export function requiredFeatures(content: Content): string[] {
  const needs = new Set<string>();
  const chips = (list: Suggestion[] | undefined) => {
    for (const s of list ?? []) {
      if (s.type === 'url') needs.add('ACTION_OPEN_URL');
      if (s.type === 'dial') needs.add('ACTION_DIAL');
      if (s.type === 'location') needs.add('ACTION_VIEW_LOCATION');
      if (s.type === 'calendar') needs.add('ACTION_CREATE_CALENDAR_EVENT');
      if (s.type === 'share_location') needs.add('ACTION_SHARE_LOCATION');
    }
  };
  // A card, and media with a caption (which RBM can only carry as a standalone card).
  if (content.type === 'card' || (content.type === 'media' && content.text)) needs.add('RICHCARD_STANDALONE');
  if (content.type === 'card') chips(content.card.buttons);
  if (content.type === 'carousel') {
    needs.add('RICHCARD_CAROUSEL');
    for (const c of content.cards) chips(c.buttons);
  }
  chips(content.suggestions);
  return [...needs];
}

export const STOP_POSTBACK = 'STOP';

/** Adds the "Stop" reply chip offered under RCS marketing (docs/compliance.md, "Content every marketing message carries"), when room is left. */
export function withStopSuggestion(content: Content, label = 'Stop'): Content {
  const list = content.suggestions ?? [];
  if (list.length >= 11 || list.some((s) => s.postback === STOP_POSTBACK)) return content;
  return { ...content, suggestions: [...list, { type: 'reply', text: label, postback: STOP_POSTBACK }] };
}

/** The content without the Stop chip `withStopSuggestion` added (its SMS version has the mention instead). */
export function withoutStopSuggestion(content: Content): Content {
  const list = content.suggestions;
  if (!list?.some((s) => s.postback === STOP_POSTBACK)) return content;
  const rest = list.filter((s) => s.postback !== STOP_POSTBACK);
  const { suggestions: _dropped, ...bare } = content;
  return rest.length ? { ...content, suggestions: rest } : (bare as Content);
}
