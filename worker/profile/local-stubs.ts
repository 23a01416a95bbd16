/**
 * Temporary local versions of two functions another helper is writing
 * (worker/compliance/keywords.ts `classifyKeyword`, schemas/sms.ts `smsFallbackText`), with
 * exactly their signatures. TODO(profile): import the real ones once they are on main and
 * delete this file.
 */
import type { Content, Suggestion } from '../../schemas/content';

export interface KeywordMatch {
  kind: 'opt_out' | 'opt_in' | 'help' | null;
  keyword: string | null;
  flagged: boolean;
}

const OPT_OUT = ['STOP', 'STOPALL', 'ARRET', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT', 'DESABONNER', 'BAJA', 'PARAR'];
const OPT_IN = ['START', 'UNSTOP', 'DEMARRER', 'ALTA', 'COMECAR'];
const HELP = ['HELP', 'INFO', 'AIDE'];
const FILLER = new Set(['PLEASE', 'PLZ', 'SMS', 'MERCI', 'SVP', 'NOW', 'THANKS', 'THANK', 'YOU', 'ME', 'MOI', 'ALL', 'TOUT', 'OK']);

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function classifyKeyword(text: string, _opts?: { awaitingOptIn?: boolean }): KeywordMatch {
  const norm = normalize(text);
  const lists: [KeywordMatch['kind'], string[]][] = [
    ['opt_out', OPT_OUT],
    ['opt_in', OPT_IN],
    ['help', HELP],
  ];
  for (const [kind, words] of lists) {
    for (const word of words) {
      if (norm === word) return { kind, keyword: word, flagged: false };
      if (norm.startsWith(`${word} `) || norm.endsWith(` ${word}`)) {
        const rest = norm.replace(word, '').trim().split(' ');
        if (rest.length <= 2 && rest.every((w) => FILLER.has(w))) return { kind, keyword: word, flagged: false };
      }
    }
  }
  return { kind: null, keyword: null, flagged: /\bSTOP\b/.test(norm) };
}

const suggestionLine = (s: Suggestion): string | null => {
  switch (s.type) {
    case 'url':
      return `${s.text}: ${s.url}`;
    case 'dial':
      return `${s.text}: ${s.phone}`;
    case 'location':
      return `${s.text}: https://maps.google.com/?q=${s.latitude},${s.longitude}`;
    default:
      return null;
  }
};

export function smsFallbackText(content: Content, opts: { optOutMention?: string } = {}): string {
  const lines: string[] = [];
  const push = (s: string | undefined) => {
    if (s && s.trim()) lines.push(s.trim());
  };
  const suggestions = (list: Suggestion[] | undefined) => {
    for (const s of list ?? []) push(suggestionLine(s) ?? undefined);
  };
  switch (content.type) {
    case 'text':
      push(content.text);
      break;
    case 'media':
      push(content.text);
      push(content.media.url);
      break;
    case 'card':
      push(content.card.title);
      push(content.card.description);
      suggestions(content.card.buttons);
      break;
    case 'carousel':
      for (const card of content.cards) push([card.title, card.description].filter(Boolean).join(' - '));
      break;
  }
  suggestions(content.suggestions);
  let text = lines.join('\n');
  const mention = opts.optOutMention;
  if (mention && !normalize(text).includes(normalize(mention))) text = `${text}\n${mention}`;
  return text;
}
