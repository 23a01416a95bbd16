/**
 * Inbound keyword classification (compliance.md, "Keywords"): opt-out, opt-in and help words
 * in English, French, Spanish and Portuguese, matched case-insensitively with accents and
 * punctuation ignored. A message counts only when it is the keyword, or the keyword with a
 * little filler around it ("stop please", "ARRÊT svp"); a longer sentence that merely contains
 * an opt-out word is not an opt-out but is flagged for an agent. Pure: the lists are
 * parameters so a brand can configure them.
 */

export type KeywordKind = 'opt_out' | 'opt_in' | 'help';

export interface KeywordLists {
  optOut: string[];
  optIn: string[];
  help: string[];
  /** Count as opt-in only when the customer is answering a double opt-in prompt. */
  doubleOptInYes: string[];
  /** Words that may surround a keyword without changing its meaning. */
  fillers: string[];
}

/**
 * Sources in compliance.md: FCC 47 CFR 64.1200(a)(10) (stop, quit, end, revoke, opt out,
 * cancel, unsubscribe), Twilio (STOPALL, OPTOUT), AWS (ARRET), Google Messages (STOP, BAJA,
 * parar). Accented spellings are listed for readability; matching ignores accents anyway.
 * AYUDA/AJUDA complete HELP/INFO/AIDE for the Spanish and Portuguese speakers the opt-out list
 * already serves.
 */
export const DEFAULT_KEYWORDS: KeywordLists = {
  optOut: [
    'STOP',
    'STOPALL',
    'ARRÊT',
    'UNSUBSCRIBE',
    'CANCEL',
    'END',
    'QUIT',
    'REVOKE',
    'OPTOUT',
    'OPT OUT',
    'DÉSABONNER',
    'BAJA',
    'PARAR',
  ],
  optIn: ['START', 'UNSTOP', 'DÉMARRER', 'ALTA', 'COMEÇAR'],
  help: ['HELP', 'INFO', 'AIDE', 'AYUDA', 'AJUDA'],
  doubleOptInYes: ['YES', 'Y', 'OUI', 'SI', 'SIM'],
  fillers: [
    // politeness
    'please',
    'pls',
    'plz',
    'plse',
    'svp',
    'stp',
    's il vous plait',
    's il te plait',
    'por favor',
    'por favour',
    'merci',
    'thanks',
    'thank you',
    'thx',
    'ty',
    'gracias',
    'obrigado',
    'obrigada',
    // what to stop
    'sms',
    'text',
    'texts',
    'texting',
    'message',
    'messages',
    'msg',
    'msgs',
    'messaging',
    'sending',
    'me',
    'moi',
    'all',
    'tout',
    'todo',
    'todos',
    'tudo',
    'now',
    'maintenant',
    'ya',
    'agora',
    // greetings and acknowledgements
    'ok',
    'okay',
    'hi',
    'hello',
    'bonjour',
    'hola',
    'ola',
  ],
};

/** Most filler phrases a keyword may carry and still be the whole message ("short filler"). */
const MAX_FILLERS = 4;

/** Lower case, accents and punctuation dropped: "ARRÊT, svp !" → ["arret", "svp"]. */
export function keywordTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

interface Phrase {
  tokens: string[];
  kind: KeywordKind | 'filler';
  keyword: string;
}

function phrasesOf(lists: KeywordLists, awaitingDoubleOptIn: boolean): Phrase[] {
  const phrases: Phrase[] = [];
  const add = (words: string[], kind: Phrase['kind']) => {
    for (const word of words) {
      const tokens = keywordTokens(word);
      if (tokens.length) phrases.push({ tokens, kind, keyword: word });
    }
  };
  // Order matters on ties of length: a keyword wins over a filler of the same words.
  add(lists.optOut, 'opt_out');
  add(lists.optIn, 'opt_in');
  if (awaitingDoubleOptIn) add(lists.doubleOptInYes, 'opt_in');
  add(lists.help, 'help');
  add(lists.fillers, 'filler');
  // Longest first, so "opt out" is read as one keyword and "thank you" as one filler.
  return phrases.sort((a, b) => b.tokens.length - a.tokens.length);
}

const startsWith = (tokens: string[], at: number, phrase: string[]) => phrase.every((t, i) => tokens[at + i] === t);

export interface KeywordMatch {
  kind: KeywordKind | null;
  /** The list entry that matched, as written in the list ("ARRÊT"). */
  keyword: string | null;
  /** An opt-out word inside a message that is not an opt-out: show it to an agent. */
  flagged: boolean;
}

/**
 * Classifies one inbound text. The whole message must read as keyword(s) plus at most a few
 * filler phrases; otherwise it is no keyword, and it is flagged when it contains an opt-out
 * word anywhere ("don't stop sending me deals"). When opt-out and other keywords are mixed
 * ("stop start"), the opt-out wins and the message is flagged: in doubt, honour the stop.
 */
export function classifyKeyword(text: string, opts: { awaitingDoubleOptIn?: boolean; lists?: KeywordLists } = {}): KeywordMatch {
  const lists = opts.lists ?? DEFAULT_KEYWORDS;
  const tokens = keywordTokens(text);
  const phrases = phrasesOf(lists, opts.awaitingDoubleOptIn ?? false);

  const found: Phrase[] = [];
  let fillers = 0;
  let whole = tokens.length > 0;
  for (let at = 0; at < tokens.length && whole; ) {
    const phrase = phrases.find((p) => startsWith(tokens, at, p.tokens));
    if (!phrase) {
      whole = false;
      break;
    }
    if (phrase.kind === 'filler') fillers += 1;
    else found.push(phrase);
    at += phrase.tokens.length;
  }

  if (whole && found.length > 0 && fillers <= MAX_FILLERS) {
    const optOut = found.find((p) => p.kind === 'opt_out');
    const mixed = found.some((p) => p.kind !== found[0]!.kind);
    const chosen = optOut ?? found[0]!;
    return { kind: chosen.kind as KeywordKind, keyword: chosen.keyword, flagged: mixed };
  }

  const optOutPhrases = phrases.filter((p) => p.kind === 'opt_out');
  const containsOptOut = tokens.some((_, at) => optOutPhrases.some((p) => startsWith(tokens, at, p.tokens)));
  return { kind: null, keyword: null, flagged: containsOptOut };
}
