/**
 * What the card and carousel builders edit (drafts that may be half typed) and how a draft
 * becomes `Content`: checked by the same schema the Worker applies, then linted. The SMS is the
 * Worker's own `smsFallbackText` unless the author rewrote it. The composer and the campaign
 * pages keep drafts and call `draftContent` when they need the message.
 */
import * as v from 'valibot';
import {
  CardContentSchema,
  CarouselContentSchema,
  type Content,
  HttpsUrlSchema,
  MediaUrlSchema,
  type Suggestion,
  urlExtension,
} from '../../../schemas/content';
import { type LintIssue, lintContent } from '../../../schemas/lint';
import { smsFallbackText } from '../../../schemas/sms';

/** A button or chip as typed: a link when it has a URL, else a reply. */
export interface ButtonDraft {
  text: string;
  url: string;
}

export type MediaHeight = 'short' | 'medium' | 'tall';

/** One card's fields. `image` is the media URL ('' for none). */
export interface CardFields {
  image: string;
  height: MediaHeight;
  alt: string;
  title: string;
  description: string;
  buttons: ButtonDraft[];
}

/** `fallback`: the SMS as the author rewrote it, or null to send the generated one. */
export interface CardDraft {
  kind: 'card';
  card: CardFields;
  /** Chips under the card (a marketing "Stop"); the composer adds its own chips instead. */
  buttons: ButtonDraft[];
  fallback: string | null;
}

export interface CarouselDraft {
  kind: 'carousel';
  cards: CardFields[];
  width: 'small' | 'medium';
  /** Buttons under the whole carousel ("See the collection"). */
  buttons: ButtonDraft[];
  fallback: string | null;
}

export type Draft = CardDraft | CarouselDraft;

/** Why a message is sent: marketing gets the "Stop" advice (lint) and the opt-out mention (SMS). */
export type Purpose = 'marketing' | 'transactional' | 'support';

export const emptyCard = (): CardFields => ({
  image: '',
  height: 'medium',
  alt: '',
  title: '',
  description: '',
  buttons: [{ text: '', url: '' }],
});
export const emptyCardDraft = (): CardDraft => ({ kind: 'card', card: emptyCard(), buttons: [], fallback: null });
export const emptyCarouselDraft = (): CarouselDraft => ({
  kind: 'carousel',
  cards: [emptyCard(), emptyCard()],
  width: 'medium',
  buttons: [],
  fallback: null,
});

/** Typed buttons as suggestions; rows with no label are left out (an empty row is not an error). */
export function toSuggestions(buttons: readonly ButtonDraft[]): Suggestion[] {
  return buttons
    .filter((b) => b.text.trim() || b.url.trim())
    .map((b) => (b.url.trim() ? { type: 'url', text: b.text.trim(), url: b.url.trim() } : { type: 'reply', text: b.text.trim() }));
}

/** The card as the content model has it (not checked yet). */
export function toCard(f: CardFields) {
  const buttons = toSuggestions(f.buttons);
  return {
    ...(f.image.trim() ? { media: { url: f.image.trim(), height: f.height, ...(f.alt.trim() ? { alt: f.alt.trim() } : {}) } } : {}),
    ...(f.title.trim() ? { title: f.title.trim() } : {}),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    ...(buttons.length ? { buttons } : {}),
  };
}

const buttonsOf = (list: readonly Suggestion[] | undefined): ButtonDraft[] =>
  (list ?? []).map((b) => ({ text: b.text, url: b.type === 'url' ? b.url : '' }));

export function fieldsOf(card: {
  media?: { url: string; height?: MediaHeight; alt?: string };
  title?: string;
  description?: string;
  buttons?: Suggestion[];
}): CardFields {
  return {
    image: card.media?.url ?? '',
    height: card.media?.height ?? 'medium',
    alt: card.media?.alt ?? '',
    title: card.title ?? '',
    description: card.description ?? '',
    buttons: buttonsOf(card.buttons),
  };
}

/**
 * A draft to edit saved content again (a campaign's message), or null for text and media.
 * Suggestions other than replies and links have no field in the builders: they come back as
 * replies with their label, so check the result before saving over the original.
 */
export function draftOf(content: Content): Draft | null {
  if (content.type === 'card')
    return { kind: 'card', card: fieldsOf(content.card), buttons: buttonsOf(content.suggestions), fallback: null };
  if (content.type === 'carousel')
    return {
      kind: 'carousel',
      cards: content.cards.map(fieldsOf),
      width: content.width ?? 'medium',
      buttons: buttonsOf(content.suggestions),
      fallback: null,
    };
  return null;
}

/** A problem that blocks the message, at a dotted path of the content (`cards.1.media.url`). */
export interface Problem {
  path: string;
  message: string;
  /** A lint issue's code and parameters (said in the user's language by lint-messages.ts). */
  lint?: { code: string; params?: LintIssue['params'] };
}

export interface Built {
  /** The message, or null while a problem blocks it. */
  content: Content | null;
  /** The message as typed, unchecked, for the preview while it is blocked (null when it has nothing yet). */
  preview: Content | null;
  /** Schema refusals and lint errors: what a carrier would refuse. Nothing is sent while any. */
  problems: Problem[];
  /** Lint warnings: advice, never blocking. */
  advice: LintIssue[];
  /** The SMS that goes with it: the author's, else what the Worker generates. */
  sms: string;
}

/** Builds, checks and lints a draft; `extra` suggestions (the composer's chips) go under it. */
export function draftContent(draft: Draft, purpose: Purpose = 'support', extra: readonly Suggestion[] = []): Built {
  const own = toSuggestions(draft.buttons);
  const suggestions = [...own, ...extra];
  const cards = draft.kind === 'card' ? [toCard(draft.card)] : draft.cards.map(toCard);
  const more = suggestions.length ? { suggestions } : {};
  const raw: Content =
    draft.kind === 'card' ? { type: 'card', card: cards[0]!, ...more } : { type: 'carousel', cards, width: draft.width, ...more };
  const parsed = v.safeParse(draft.kind === 'card' ? CardContentSchema : CarouselContentSchema, raw);
  const problems: Problem[] = parsed.success ? [] : parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message }));
  const content = parsed.success ? parsed.output : null;
  const preview = cards.some((c) => Object.keys(c).length > 0) ? raw : null;
  const shown = content ?? preview;
  const sms = draft.fallback ?? (shown ? smsFallbackText(shown) : '');
  const issues = content ? lintContent(content, { purpose: purpose === 'support' ? null : purpose, smsText: sms }) : [];
  for (const i of issues)
    if (i.level === 'error')
      problems.push({ path: i.path, message: i.message, lint: { code: i.code, ...(i.params ? { params: i.params } : {}) } });
  return { content: problems.length ? null : content, preview, problems, advice: issues.filter((i) => i.level === 'warning'), sms };
}

/** Why a media URL is refused, as an i18n key and its parameters, or null when it is fine. */
export function mediaUrlProblem(url: string): { key: 'media.errUrl' | 'media.errHttp' | 'media.errTypeUrl'; ext?: string } | null {
  const u = url.trim();
  if (!u) return null;
  const ext = urlExtension(u);
  if (ext === null || !/^https?:\/\//i.test(u)) return { key: 'media.errUrl' };
  if (!v.is(HttpsUrlSchema, u)) return { key: 'media.errHttp' };
  if (!v.is(MediaUrlSchema, u)) return { key: 'media.errTypeUrl', ext };
  return null;
}
