/**
 * Maps the channel-neutral content model to RBM's `contentMessage` (docs/carriers.md, "Google RBM").
 * Every suggestion gets `postbackData`: the one the system set, else the one the Profile's
 * scheme derives from our message id (worker/profile/postbacks.ts), so a tap is traced back
 * to its message.
 */
import type { Card, Content, Media, Suggestion } from '../../../schemas/content';
import { postbackOf, withPostbacks } from '../../profile/postbacks';

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

export function mapSuggestion(s: Suggestion): RbmSuggestion {
  const base = { text: s.text, postbackData: postbackOf(s) };
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

function mapCard(card: Card): RbmCardContent {
  const out: RbmCardContent = {};
  if (card.title) out.title = card.title;
  if (card.description) out.description = card.description;
  if (card.media) out.media = mapMedia(card.media);
  if (card.buttons?.length) out.suggestions = card.buttons.map(mapSuggestion);
  return out;
}

function chips(suggestions: Suggestion[] | undefined): { suggestions?: RbmSuggestion[] } {
  if (!suggestions?.length) return {};
  return { suggestions: suggestions.map(mapSuggestion) };
}

/** The `contentMessage` for one outbound message. */
export function toContentMessage(composed: Content, messageId: string, layout: CardLayout = {}): RbmContentMessage {
  const { content } = withPostbacks(composed, messageId);
  switch (content.type) {
    case 'text':
      return { text: content.text, ...chips(content.suggestions) };
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
          ...chips(content.suggestions),
        };
      }
      return { contentInfo: { fileUrl: content.media.url, forceRefresh: false }, ...chips(content.suggestions) };
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
            cardContent: mapCard(content.card),
          },
        },
        ...chips(content.suggestions),
      };
    }
    case 'carousel':
      return {
        richCard: {
          carouselCard: {
            cardWidth: content.width === 'small' ? 'SMALL' : 'MEDIUM',
            cardContents: content.cards.map(mapCard),
          },
        },
        ...chips(content.suggestions),
      };
  }
}
