/**
 * Maps the channel-neutral content model to RBM's `contentMessage` (providers.md, "Send").
 * Every suggestion gets `postbackData`: the one the system set, else one derived from our
 * message id so a tap can still be traced back to its message.
 */
import type { Card, Content, Media, Suggestion } from '../../../schemas/content';

export type RbmSuggestion =
  | { reply: { text: string; postbackData: string } }
  | { action: { text: string; postbackData: string } & RbmAction };

type RbmAction =
  | { openUrlAction: { url: string } }
  | { dialAction: { phoneNumber: string } }
  | { viewLocationAction: { latLong: { latitude: number; longitude: number }; label?: string } }
  | { createCalendarEventAction: { startTime: string; endTime: string; title: string; description?: string } }
  | { shareLocationAction: Record<string, never> };

export interface RbmMedia {
  height: 'SHORT' | 'MEDIUM' | 'TALL';
  contentInfo: { fileUrl: string; forceRefresh: boolean };
}

export interface RbmCardContent {
  title?: string;
  description?: string;
  media?: RbmMedia;
  suggestions?: RbmSuggestion[];
}

export type RbmContentMessage = (
  | { text: string }
  | { contentInfo: { fileUrl: string; forceRefresh: boolean } }
  | {
      richCard:
        | {
            standaloneCard: {
              cardOrientation: 'VERTICAL' | 'HORIZONTAL';
              thumbnailImageAlignment?: 'LEFT' | 'RIGHT';
              cardContent: RbmCardContent;
            };
          }
        | { carouselCard: { cardWidth: 'SMALL' | 'MEDIUM'; cardContents: RbmCardContent[] } };
    }
) & { suggestions?: RbmSuggestion[] };

/** Default layout of a standalone card when the message sets none (vertical). */
export interface CardLayout {
  orientation?: 'vertical' | 'horizontal';
  /** Where the image sits in a horizontal card. */
  imageAlignment?: 'left' | 'right';
}

/** Postback used when the composer set none: `<message id>:<where>` (e.g. `m1:s0`, `m1:c2b1`). */
export function defaultPostback(messageId: string, where: string): string {
  return `${messageId}:${where}`;
}

export function mapSuggestion(s: Suggestion, postbackData: string): RbmSuggestion {
  const base = { text: s.text, postbackData: s.postback ?? postbackData };
  switch (s.type) {
    case 'reply':
      return { reply: base };
    case 'url':
      return { action: { ...base, openUrlAction: { url: s.url } } };
    case 'dial':
      return { action: { ...base, dialAction: { phoneNumber: s.phone } } };
    case 'location':
      return {
        action: {
          ...base,
          viewLocationAction: {
            latLong: { latitude: s.latitude, longitude: s.longitude },
            ...(s.label !== undefined ? { label: s.label } : {}),
          },
        },
      };
    case 'calendar':
      return {
        action: {
          ...base,
          createCalendarEventAction: {
            startTime: s.start,
            endTime: s.end,
            title: s.title,
            ...(s.description !== undefined ? { description: s.description } : {}),
          },
        },
      };
    case 'share_location':
      return { action: { ...base, shareLocationAction: {} } };
  }
}

const HEIGHT = { short: 'SHORT', medium: 'MEDIUM', tall: 'TALL' } as const;

function mapMedia(m: Media): RbmMedia {
  // RBM requires a height on card media; MEDIUM is its neutral choice.
  return { height: HEIGHT[m.height ?? 'medium'], contentInfo: { fileUrl: m.url, forceRefresh: false } };
}

function mapCard(card: Card, messageId: string, where: string): RbmCardContent {
  const out: RbmCardContent = {};
  if (card.title) out.title = card.title;
  if (card.description) out.description = card.description;
  if (card.media) out.media = mapMedia(card.media);
  if (card.buttons?.length) out.suggestions = card.buttons.map((b, i) => mapSuggestion(b, defaultPostback(messageId, `${where}b${i}`)));
  return out;
}

function chips(suggestions: Suggestion[] | undefined, messageId: string): { suggestions?: RbmSuggestion[] } {
  if (!suggestions?.length) return {};
  return { suggestions: suggestions.map((s, i) => mapSuggestion(s, defaultPostback(messageId, `s${i}`))) };
}

/** The `contentMessage` for one outbound message. */
export function toContentMessage(content: Content, messageId: string, layout: CardLayout = {}): RbmContentMessage {
  switch (content.type) {
    case 'text':
      return { text: content.text, ...chips(content.suggestions, messageId) };
    case 'media':
      // contentMessage holds exactly one of text/contentInfo/richCard: media with a caption
      // becomes a vertical card (image + description) so the caption is not lost.
      if (content.text) {
        return {
          richCard: {
            standaloneCard: {
              cardOrientation: 'VERTICAL',
              cardContent: { description: content.text, media: mapMedia(content.media) },
            },
          },
          ...chips(content.suggestions, messageId),
        };
      }
      return { contentInfo: { fileUrl: content.media.url, forceRefresh: false }, ...chips(content.suggestions, messageId) };
    case 'card': {
      // The message's own layout wins over the deployment's default.
      const horizontal = (content.orientation ?? layout.orientation) === 'horizontal';
      const alignment = content.image_alignment ?? layout.imageAlignment;
      return {
        richCard: {
          standaloneCard: {
            cardOrientation: horizontal ? 'HORIZONTAL' : 'VERTICAL',
            // The alignment only means something for a horizontal card with an image.
            ...(horizontal ? { thumbnailImageAlignment: alignment === 'right' ? 'RIGHT' : 'LEFT' } : {}),
            cardContent: mapCard(content.card, messageId, 'c0'),
          },
        },
        ...chips(content.suggestions, messageId),
      };
    }
    case 'carousel':
      return {
        richCard: {
          carouselCard: {
            cardWidth: content.width === 'small' ? 'SMALL' : 'MEDIUM',
            cardContents: content.cards.map((c, i) => mapCard(c, messageId, `c${i}`)),
          },
        },
        ...chips(content.suggestions, messageId),
      };
  }
}

/** RBM feature flags a content needs from the device (capability `features`). */
export function requiredFeatures(content: Content): string[] {
  const need = new Set<string>();
  const all: Suggestion[] = [...(content.suggestions ?? [])];
  if (content.type === 'card' || (content.type === 'media' && content.text)) need.add('RICHCARD_STANDALONE');
  if (content.type === 'card') all.push(...(content.card.buttons ?? []));
  if (content.type === 'carousel') {
    need.add('RICHCARD_CAROUSEL');
    for (const c of content.cards) all.push(...(c.buttons ?? []));
  }
  const ACTION = {
    url: 'ACTION_OPEN_URL',
    dial: 'ACTION_DIAL',
    location: 'ACTION_VIEW_LOCATION',
    calendar: 'ACTION_CREATE_CALENDAR_EVENT',
    share_location: 'ACTION_SHARE_LOCATION',
  } as const;
  for (const s of all) if (s.type !== 'reply') need.add(ACTION[s.type]);
  return [...need];
}
