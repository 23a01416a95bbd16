/**
 * Content lint: advice on a message that is valid but likely to perform or render badly
 * (docs/architecture.md, send pipeline: limits per carrier, "one message = one action"), and
 * the SMS rules (opt-out mention on marketing, a link alone, length, UCS-2). Pure and shared by
 * the Worker (the preview API, campaigns) and the console (card builder, preview).
 * Errors block sending where lint is enforced (campaigns); warnings inform. `POST /v1/messages`
 * does not enforce lint: its contract is content validation only.
 *
 * Each issue has a stable `code` and `params` so the console can say it in the user's language
 * (client/lib/lint-messages.ts); `message` is the English text for API clients.
 */
import { IMAGE_EXTENSIONS, LOOPBACK_HTTP, urlExtension, VIDEO_EXTENSIONS, type Card, type Content, type Suggestion } from './content';
import { countSegments, encodingAdvice, isGsm7 } from './gsm';
import { hasOptOutMention, SMS_MAX_CHARS } from './sms';

export { SMS_MAX_CHARS };

export interface LintIssue {
  level: 'warning' | 'error';
  /** Stable machine code, e.g. `multiple_actions`. */
  code: string;
  message: string;
  /** Where in the content, dotted (`cards.1.media.url`); '' for the whole message. */
  path: string;
  /** The numbers and names in `message`, for translations. */
  params?: Record<string, string | number>;
}

/** What a message is for: the consent purpose (agents' replies are `support`). */
export type LintPurpose = 'marketing' | 'transactional' | 'support';

export interface LintOptions {
  /** Marketing sends should offer a "Stop" chip in RCS (docs/compliance.md, "Content every marketing message carries"). */
  purpose?: LintPurpose | null;
  /** The SMS version that goes with the content (fallback), linted at path `fallback_text`. */
  smsText?: string | null;
  /** The brand's opt-out mention ("STOP au 36111"), which counts as one in a marketing SMS. */
  optOutMention?: string | null;
}

/** Limits of RBM (docs/carriers.md, "Google RBM"). */
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

/** More parts than this and a marketing SMS costs more than it earns: say so. */
export const SMS_PARTS_WARN = 4;

const URLS = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

/**
 * SMS advice: a text that is UCS-2 only because of look-alike punctuation or spaces (curly
 * quotes, dashes, "…", non-breaking spaces) is billed more parts than it needs; the GSM-safe
 * replacement keeps it GSM-7. Said only when it saves parts. Letters such as `ç` are the
 * brand's words: a text that stays UCS-2 for them gets no advice. Emoji and symbols that cost
 * parts are named too (`sms_ucs2_symbols`): they have no GSM-7 equivalent, only removal.
 */
export function lintSmsText(text: string, path = 'fallback_text'): LintIssue[] {
  const advice = encodingAdvice(text);
  const issues: LintIssue[] = [];
  if (advice.fixed !== null && advice.fixedSegments < advice.segments) {
    const chars = advice.replaceable.join(' ');
    issues.push({
      level: 'warning',
      code: 'sms_ucs2',
      path,
      message: `${chars} force the SMS into UCS-2: ${advice.segments} parts instead of ${advice.fixedSegments}. Use the GSM-safe replacement.`,
      params: { chars, n: advice.segments, fixed: advice.fixedSegments },
    });
  }
  const symbols = advice.ucs2.filter((c) => !advice.replaceable.includes(c) && !/\p{L}/u.test(c));
  if (symbols.length) {
    const rest = [...symbols].reduce((t, c) => t.split(c).join(''), advice.fixed ?? text);
    const without = isGsm7(rest) ? countSegments(rest).segments : advice.fixedSegments;
    if (without < advice.segments) {
      const chars = symbols.join(' ');
      issues.push({
        level: 'warning',
        code: 'sms_ucs2_symbols',
        path,
        message: `${chars} force the SMS into UCS-2: ${advice.segments} parts instead of ${without} without them.`,
        params: { chars, n: advice.segments, fixed: without },
      });
    }
  }
  return issues;
}

/**
 * Every SMS rule for the text a customer receives (the `smsVersion` of a message): length,
 * parts, a link alone, the opt-out mention on marketing, UCS-2.
 */
export function lintSms(
  text: string,
  opts: { purpose?: LintPurpose | null; optOutMention?: string | null; path?: string } = {},
): LintIssue[] {
  const path = opts.path ?? 'fallback_text';
  const issues: LintIssue[] = [];
  const add = (level: LintIssue['level'], code: string, message: string, params?: LintIssue['params']) =>
    issues.push(params ? { level, code, message, path, params } : { level, code, message, path });
  const { segments, encoding } = countSegments(text);
  if (text.length > SMS_MAX_CHARS)
    add('error', 'sms_too_long', `The SMS has ${text.length} characters; the limit is ${SMS_MAX_CHARS}.`, {
      n: text.length,
      max: SMS_MAX_CHARS,
    });
  else if (segments > SMS_PARTS_WARN)
    add('warning', 'sms_many_parts', `The SMS is billed as ${segments} parts (${encoding}): shorten it.`, { n: segments, enc: encoding });
  // Words left once links and opt-out lines are gone: none means the customer gets a bare link.
  const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/i;
  const words = text
    .split('\n')
    .filter((line) => LINK.test(line) || !hasOptOutMention(line, opts.optOutMention))
    .join('\n')
    .replace(URLS, ' ');
  if (LINK.test(text) && !/\p{L}{2,}/u.test(words))
    add(
      opts.purpose === 'marketing' ? 'error' : 'warning',
      'sms_only_link',
      'The SMS is only a link: say who writes and why, or carriers may filter it as spam.',
    );
  if (opts.purpose === 'marketing' && !hasOptOutMention(text, opts.optOutMention))
    add('error', 'sms_no_opt_out', 'A marketing SMS must say how to opt out (e.g. "STOP au 36111").');
  issues.push(...lintSmsText(text, path));
  return issues;
}

/** Lints one content; issues come in document order. Never throws. */
export function lintContent(content: Content, opts: LintOptions = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const add = (level: LintIssue['level'], code: string, path: string, message: string, params?: LintIssue['params']) =>
    issues.push(params ? { level, code, message, path, params } : { level, code, message, path });

  const lintLength = (value: string | undefined, max: number, path: string, what: string, field: string) => {
    if (!value) return;
    const n = value.length;
    if (n > max) add('error', 'too_long', path, `${what} has ${n} characters; the limit is ${max}.`, { field, n, max });
    else if (n >= Math.ceil(max * NEAR))
      add('warning', 'near_limit', path, `${what} has ${n} of ${max} characters; phones may cut it.`, { field, n, max });
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
      add('error', 'media_type', path, `Phones do not show ".${ext}" files: use a JPEG, PNG or GIF image, or mp4/webm video.`, { ext });
  };

  const lintSuggestions = (list: readonly Suggestion[] | undefined, path: string, max: number, tooMany: string) => {
    if (!list?.length) return;
    if (list.length > max)
      add('error', 'too_many_suggestions', path, `${list.length} ${tooMany}; the limit is ${max}.`, { n: list.length, max });
    const seen = new Set<string>();
    list.forEach((s, i) => {
      const at = `${path}.${i}`;
      if (s.text.length > LIMITS.label)
        add('error', 'too_long', `${at}.text`, `The label "${s.text}" has ${s.text.length} characters; the limit is ${LIMITS.label}.`, {
          field: 'label',
          n: s.text.length,
          max: LIMITS.label,
        });
      const key = s.text.trim().toLowerCase();
      if (seen.has(key)) add('warning', 'duplicate_suggestion', `${at}.text`, `"${s.text}" appears twice.`, { label: s.text });
      seen.add(key);
      if (s.type === 'url' && /^http:\/\//i.test(s.url)) add('warning', 'insecure_link', `${at}.url`, 'This link is not https.');
      if (s.type === 'calendar') {
        lintLength(s.title, LIMITS.calendarTitle, `${at}.title`, 'The event title', 'event_title');
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
        { n: count },
      );
  };

  const lintCard = (card: Card, path: string) => {
    lintLength(card.title, LIMITS.title, `${path}.title`, 'The title', 'title');
    lintLength(card.description, LIMITS.description, `${path}.description`, 'The description', 'description');
    if (card.media) lintMedia(card.media.url, `${path}.media.url`);
    lintSuggestions(card.buttons, `${path}.buttons`, LIMITS.cardButtons, 'buttons on a card');
  };

  const actions = (list: readonly Suggestion[] | undefined) => (list ?? []).filter(isAction).length;

  switch (content.type) {
    case 'text':
      lintLength(content.text, LIMITS.text, 'text', 'The text', 'text');
      oneAction(actions(content.suggestions), '', 'This message');
      break;
    case 'media':
      lintMedia(content.media.url, 'media.url');
      lintLength(content.text, LIMITS.text, 'text', 'The text', 'text');
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
        add(
          'error',
          'carousel_size',
          'cards',
          `A carousel has ${LIMITS.carouselMin} to ${LIMITS.carouselMax} cards, not ${cards.length}.`,
          {
            n: cards.length,
            min: LIMITS.carouselMin,
            max: LIMITS.carouselMax,
          },
        );
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
      const uneven = (has: (c: Card) => boolean, part: 'media' | 'title' | 'description' | 'buttons', what: string) => {
        const n = cards.filter(has).length;
        if (n > 0 && n < cards.length)
          add(
            'warning',
            'carousel_uneven',
            'cards',
            `${n} of ${cards.length} cards have ${what}: cards of one carousel should look alike.`,
            { n, total: cards.length, part },
          );
      };
      uneven((c) => Boolean(c.media), 'media', 'media');
      uneven((c) => Boolean(c.title?.trim()), 'title', 'a title');
      uneven((c) => Boolean(c.description?.trim()), 'description', 'a description');
      uneven((c) => Boolean(c.buttons?.length), 'buttons', 'buttons');
      if (cards.every((c) => !c.media)) add('warning', 'card_without_image', 'cards', 'No card has an image: add product photos.');
      break;
    }
  }

  lintSuggestions(content.suggestions, 'suggestions', LIMITS.suggestions, 'suggestions');
  const n = content.suggestions?.length ?? 0;
  if (n > FEW_CHOICES && n <= LIMITS.suggestions)
    add('warning', 'too_many_choices', 'suggestions', `${n} suggestions: keep choices few (at most ${FEW_CHOICES}).`, {
      n,
      max: FEW_CHOICES,
    });

  if (opts.purpose === 'marketing') {
    const hasStop = (content.suggestions ?? []).some((s) => s.type === 'reply' && /^(stop|arr[eê]t)$/i.test(s.text.trim()));
    if (!hasStop) add('warning', 'no_stop_suggestion', 'suggestions', 'Marketing messages should offer a "Stop" reply.');
  }
  if (opts.smsText) issues.push(...lintSms(opts.smsText, { purpose: opts.purpose, optOutMention: opts.optOutMention }));
  if (content.type === 'text') issues.push(...lintSmsText(content.text, 'text'));
  return issues;
}
