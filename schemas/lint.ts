/**
 * Content lint: advice on a message that is valid but likely to perform or render badly
 * (architecture.md, send pipeline step 1: "lint it (limits from providers.md; 'one action')").
 * Pure and shared by the Worker (returned with a send) and the console composer (shown live).
 * Errors are wire limits a provider would refuse; warnings are editorial advice.
 */
import { IMAGE_EXTENSIONS, LOOPBACK_HTTP, urlExtension, VIDEO_EXTENSIONS, type Card, type Content, type Suggestion } from './content';
import { encodingAdvice } from './gsm';

export interface LintIssue {
  level: 'warning' | 'error';
  /** Stable machine code, e.g. `multiple_actions`. */
  code: string;
  message: string;
  /** Where in the content, dotted (`cards.1.media.url`); '' for the whole message. */
  path: string;
}

export interface LintOptions {
  /** Marketing sends should offer a "Stop" chip in RCS (compliance.md, "Mandatory content"). */
  purpose?: 'marketing' | 'transactional' | null;
  /** The SMS version that goes with the content (fallback), linted at path `fallback_text`. */
  smsText?: string | null;
}

/** Limits from providers.md (RBM). */
export const LIMITS = {
  text: 3072,
  title: 200,
  description: 2000,
  label: 25,
  suggestions: 11,
  cardButtons: 4,
  carouselMin: 2,
  carouselMax: 10,
  calendarTitle: 100,
} as const;

/** Share of a limit past which a field is "near the limit". */
const NEAR = 0.9;
/** More chips than this and customers stop reading them. */
const FEW_CHOICES = 4;

export { IMAGE_EXTENSIONS, urlExtension, VIDEO_EXTENSIONS };
const ALLOWED_MEDIA = new Set<string>([...IMAGE_EXTENSIONS, ...VIDEO_EXTENSIONS]);

const ACTION_TYPES = new Set<Suggestion['type']>(['url', 'dial', 'calendar', 'location', 'share_location']);
const isAction = (s: Suggestion) => ACTION_TYPES.has(s.type);

/**
 * SMS advice: a text that is UCS-2 only because of look-alike punctuation or spaces (curly
 * quotes, dashes, "…", non-breaking spaces) is billed more parts than it needs; the GSM-safe
 * replacement keeps it GSM-7. Said only when it saves parts. Letters such as `ç` are the
 * brand's words: a text that stays UCS-2 for them gets no advice.
 */
export function lintSmsText(text: string, path = 'fallback_text'): LintIssue[] {
  const advice = encodingAdvice(text);
  if (advice.fixed === null || advice.fixedSegments >= advice.segments) return [];
  const chars = advice.replaceable.join(' ');
  return [
    {
      level: 'warning',
      code: 'sms_ucs2',
      path,
      message: `${chars} force the SMS into UCS-2: ${advice.segments} parts instead of ${advice.fixedSegments}. Use the GSM-safe replacement.`,
    },
  ];
}

/** Lints one content; issues come in document order. Never throws. */
export function lintContent(content: Content, opts: LintOptions = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const add = (level: LintIssue['level'], code: string, path: string, message: string) => issues.push({ level, code, message, path });

  const lintLength = (value: string | undefined, max: number, path: string, what: string) => {
    if (!value) return;
    const n = value.length;
    if (n > max) add('error', 'too_long', path, `${what} has ${n} characters; the limit is ${max}.`);
    else if (n >= Math.ceil(max * NEAR)) add('warning', 'near_limit', path, `${what} has ${n} of ${max} characters; phones may cut it.`);
  };

  // Errors here are what the carriers refuse (the content schema refuses them too); a local
  // http address (`npm start`) only reaches the sandbox's phones.
  const lintMedia = (url: string, path: string) => {
    if (LOOPBACK_HTTP.test(url))
      add('warning', 'media_local', path, 'Only the sandbox can fetch a localhost address: carriers need PUBLIC_URL on https.');
    else if (!/^https:\/\//i.test(url)) add('error', 'media_not_https', path, 'Media must be served over https.');
    const ext = urlExtension(url);
    if (ext === null) add('error', 'media_bad_url', path, 'The media URL is not a valid URL.');
    else if (ext === '')
      add(
        'warning',
        'media_type_unknown',
        path,
        'The media URL has no file extension: make sure it serves image/jpeg, image/png, image/gif or a video type.',
      );
    else if (!ALLOWED_MEDIA.has(ext))
      add('error', 'media_type', path, `Phones do not show ".${ext}" files: use a JPEG, PNG or GIF image, or mp4/webm video.`);
  };

  const lintSuggestions = (list: readonly Suggestion[] | undefined, path: string, max: number, tooMany: string) => {
    if (!list?.length) return;
    if (list.length > max) add('error', 'too_many_suggestions', path, `${list.length} ${tooMany}; the limit is ${max}.`);
    const seen = new Set<string>();
    list.forEach((s, i) => {
      const at = `${path}.${i}`;
      if (s.text.length > LIMITS.label)
        add('error', 'too_long', `${at}.text`, `The label "${s.text}" has ${s.text.length} characters; the limit is ${LIMITS.label}.`);
      const key = s.text.trim().toLowerCase();
      if (seen.has(key)) add('warning', 'duplicate_suggestion', `${at}.text`, `"${s.text}" appears twice.`);
      seen.add(key);
      if (s.type === 'url' && /^http:\/\//i.test(s.url)) add('warning', 'insecure_link', `${at}.url`, 'This link is not https.');
      if (s.type === 'calendar') {
        lintLength(s.title, LIMITS.calendarTitle, `${at}.title`, 'The event title');
        if (Date.parse(s.end) <= Date.parse(s.start))
          add('error', 'calendar_end_before_start', `${at}.end`, 'The event ends before it starts.');
      }
    });
  };

  const oneAction = (count: number, path: string, where: string) => {
    if (count > 1)
      add(
        'warning',
        'multiple_actions',
        path,
        `${where} has ${count} calls to action: one message = one action, keep the one that matters.`,
      );
  };

  const lintCard = (card: Card, path: string) => {
    lintLength(card.title, LIMITS.title, `${path}.title`, 'The title');
    lintLength(card.description, LIMITS.description, `${path}.description`, 'The description');
    if (card.media) lintMedia(card.media.url, `${path}.media.url`);
    lintSuggestions(card.buttons, `${path}.buttons`, LIMITS.cardButtons, 'buttons on a card');
  };

  const actions = (list: readonly Suggestion[] | undefined) => (list ?? []).filter(isAction).length;

  switch (content.type) {
    case 'text':
      lintLength(content.text, LIMITS.text, 'text', 'The text');
      oneAction(actions(content.suggestions), '', 'This message');
      break;
    case 'media':
      lintMedia(content.media.url, 'media.url');
      lintLength(content.text, LIMITS.text, 'text', 'The text');
      oneAction(actions(content.suggestions), '', 'This message');
      break;
    case 'card':
      lintCard(content.card, 'card');
      if (!content.card.media)
        add('warning', 'card_without_image', 'card.media', 'A card without an image gets fewer taps: add a product photo.');
      oneAction(actions(content.card.buttons) + actions(content.suggestions), '', 'This message');
      break;
    case 'carousel': {
      const { cards } = content;
      if (cards.length < LIMITS.carouselMin || cards.length > LIMITS.carouselMax)
        add('error', 'carousel_size', 'cards', `A carousel has ${LIMITS.carouselMin} to ${LIMITS.carouselMax} cards, not ${cards.length}.`);
      if (content.width === 'small' && cards.some((c) => c.media?.height === 'tall'))
        add('error', 'tall_media_small_carousel', 'cards', 'Tall media is not allowed in a small-width carousel.');
      cards.forEach((card, i) => {
        lintCard(card, `cards.${i}`);
        // A carousel shows one action per card: each card is its own "message".
        oneAction(actions(card.buttons), `cards.${i}`, `Card ${i + 1}`);
        const buttons = card.buttons?.length ?? 0;
        if (buttons < 1 || buttons > 2)
          add('warning', 'carousel_card_buttons', `cards.${i}.buttons`, 'Twilio sends a carousel only when every card has 1 or 2 buttons.');
      });
      oneAction(actions(content.suggestions), 'suggestions', "The carousel's suggestions");
      const uneven = (has: (c: Card) => boolean, what: string) => {
        const n = cards.filter(has).length;
        if (n > 0 && n < cards.length)
          add(
            'warning',
            'carousel_uneven',
            'cards',
            `${n} of ${cards.length} cards have ${what}: cards of one carousel should look alike.`,
          );
      };
      uneven((c) => Boolean(c.media), 'media');
      uneven((c) => Boolean(c.title?.trim()), 'a title');
      uneven((c) => Boolean(c.description?.trim()), 'a description');
      uneven((c) => Boolean(c.buttons?.length), 'buttons');
      if (cards.every((c) => !c.media)) add('warning', 'card_without_image', 'cards', 'No card has an image: add product photos.');
      break;
    }
  }

  lintSuggestions(content.suggestions, 'suggestions', LIMITS.suggestions, 'suggestions');
  const n = content.suggestions?.length ?? 0;
  if (n > FEW_CHOICES && n <= LIMITS.suggestions)
    add('warning', 'too_many_choices', 'suggestions', `${n} suggestions: keep choices few (at most ${FEW_CHOICES}).`);

  if (opts.purpose === 'marketing') {
    const hasStop = (content.suggestions ?? []).some((s) => s.type === 'reply' && /^(stop|arr[eê]t)$/i.test(s.text.trim()));
    if (!hasStop) add('warning', 'no_stop_suggestion', 'suggestions', 'Marketing messages should offer a "Stop" reply.');
  }
  if (opts.smsText) issues.push(...lintSmsText(opts.smsText));
  if (content.type === 'text') issues.push(...lintSmsText(content.text, 'text'));
  return issues;
}
