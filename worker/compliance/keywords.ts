/**
 * Inbound keyword classification (docs/compliance.md, "Keywords"): opt-out, opt-in and help
 * words in English, French, Spanish and Portuguese, matched case-insensitively with accents,
 * punctuation, width (fullwidth `ＳＴＯＰ`) and invisible format characters (`S\u200BTOP`)
 * ignored. A message counts only when it is the keyword, or the keyword with a little filler
 * around it ("stop please", "ARRÊT svp"); a longer sentence that contains an opt-out word, or
 * that plainly asks to stop in other words ("ne m'envoyez plus rien"), is not an opt-out but is
 * flagged for an agent, who can record it as one. Pure: the lists are parameters so a brand
 * can configure them.
 */

export type KeywordKind = 'opt_out' | 'opt_in' | 'help' | 'signup';

export interface KeywordLists {
  optOut: readonly string[];
  optIn: readonly string[];
  help: readonly string[];
  /** Start a double opt-in (JOIN, INSCRIPTION): the brand's `signup_keywords` setting. */
  signup: readonly string[];
  /**
   * Count as opt-in only when the customer is answering a double opt-in prompt (it confirms
   * that signup, see `confirmsDoubleOptIn`); otherwise "yes" is just a word.
   */
  doubleOptInYes: readonly string[];
  /** Words that may surround a keyword without changing its meaning. */
  fillers: readonly string[];
  /**
   * Phrases that ask to stop without an opt-out keyword ("remove me", "ne m'envoyez plus"):
   * anywhere in a message, they flag it for an agent (never an automatic opt-out).
   */
  stopRequests: readonly string[];
}

/**
 * Sources in docs/compliance.md: FCC 47 CFR 64.1200(a)(10) (stop, quit, end, revoke, opt out,
 * cancel, unsubscribe), Twilio (STOPALL, OPTOUT, and ARRETE in its localized lists), AWS
 * (ARRET), Google Messages (STOP, BAJA, parar). French customers write the verb as often as the
 * noun ("Arrête", "Arrêtez"), and ANNULER, FIN, DÉSABONNEMENT, DÉSINSCRIRE are theirs too.
 * Accented spellings are listed for readability; matching ignores accents anyway.
 * AYUDA/AJUDA complete HELP/INFO/AIDE for the Spanish and Portuguese speakers the opt-out list
 * already serves.
 */
export const DEFAULT_KEYWORDS: KeywordLists = {
  optOut: [
    'STOP',
    'STOPALL',
    'ARRÊT',
    'ARRÊTE',
    'ARRÊTEZ',
    'UNSUBSCRIBE',
    'CANCEL',
    'END',
    'QUIT',
    'REVOKE',
    'OPTOUT',
    'OPT OUT',
    'DÉSABONNER',
    'DÉSABONNEMENT',
    'DÉSINSCRIRE',
    'ANNULER',
    'FIN',
    'BAJA',
    'PARAR',
  ],
  optIn: ['START', 'UNSTOP', 'DÉMARRER', 'ALTA', 'COMEÇAR'],
  help: ['HELP', 'INFO', 'AIDE', 'AYUDA', 'AJUDA'],
  signup: ['JOIN', 'INSCRIPTION'],
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
  stopRequests: [
    // English ("don't" reads as the tokens "don t")
    'remove me',
    'remove my number',
    'take me off',
    'take my number off',
    'opt me out',
    'unsubscribe me',
    'don t text me',
    'dont text me',
    'do not text me',
    'don t message me',
    'do not message me',
    'don t contact me',
    'do not contact me',
    'no more texts',
    'no more messages',
    'no more sms',
    'leave me alone',
    // French ("m'envoyez" reads as "m envoyez")
    'm envoyez plus',
    'n envoyez plus',
    'nous envoyez plus',
    'm envoie plus',
    'm ecrivez plus',
    'me contactez plus',
    'ne plus recevoir',
    'veux plus recevoir',
    'plus de sms',
    'plus de messages',
    'desinscrivez moi',
    'desabonnez moi',
    'retirez moi',
    'supprimez moi',
    'supprimez mon numero',
    'effacez mon numero',
    'laissez moi tranquille',
    // Spanish and Portuguese
    'no me envien',
    'no me manden',
    'dejen de enviar',
    'dejen de mandar',
    'no quiero recibir',
    'no mas mensajes',
    'nao me enviem',
    'nao me mandem',
    'parem de enviar',
    'parem de mandar',
    'nao quero receber',
    'nao quero mais',
  ],
};

/** Most filler phrases a keyword may carry and still be the whole message ("short filler"). */
const MAX_FILLERS = 4;

/**
 * Lower case, accents and punctuation dropped: "ARRÊT, svp !" → ["arret", "svp"]. NFKC first
 * folds compatibility forms (fullwidth `ＳＴＯＰ`, ligatures), and format characters (`\p{Cf}`:
 * zero-width spaces and joiners, bidi marks, soft hyphens) are removed, not read as a word
 * break: "S\u200BTOP" is "stop", which is how the phone shows it.
 */
export function keywordTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
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

/** Phrases per list object and prompt state: built once, not for every inbound message. */
const phraseCache = new WeakMap<KeywordLists, Phrase[][]>();

function phrasesOf(lists: KeywordLists, awaitingDoubleOptIn: boolean): Phrase[] {
  let cached = phraseCache.get(lists);
  if (!cached) {
    cached = [];
    phraseCache.set(lists, cached);
  }
  const slot = awaitingDoubleOptIn ? 1 : 0;
  cached[slot] ??= buildPhrases(lists, awaitingDoubleOptIn);
  return cached[slot];
}

function buildPhrases(lists: KeywordLists, awaitingDoubleOptIn: boolean): Phrase[] {
  const phrases: Phrase[] = [];
  const add = (words: readonly string[], kind: Phrase['kind']) => {
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
  add(lists.signup, 'signup');
  add(lists.fillers, 'filler');
  // Longest first, so "opt out" is read as one keyword and "thank you" as one filler.
  return phrases.sort((a, b) => b.tokens.length - a.tokens.length);
}

const startsWith = (tokens: string[], at: number, phrase: string[]) => phrase.every((t, i) => tokens[at + i] === t);

/** The brand's lists: the defaults with its own signup words (one object per settings copy, so the phrase cache holds). */
const brandLists = new WeakMap<readonly string[], KeywordLists>();

export function keywordListsFor(signupWords: readonly string[]): KeywordLists {
  let lists = brandLists.get(signupWords);
  if (!lists) {
    lists = { ...DEFAULT_KEYWORDS, signup: signupWords.length ? signupWords : DEFAULT_KEYWORDS.signup };
    brandLists.set(signupWords, lists);
  }
  return lists;
}

/** Whether an opt-in match is the YES / OUI of a double opt-in (not START, which undoes an opt-out). */
export function confirmsDoubleOptIn(match: KeywordMatch, lists: KeywordLists = DEFAULT_KEYWORDS): boolean {
  return match.kind === 'opt_in' && match.keyword !== null && lists.doubleOptInYes.includes(match.keyword);
}

export interface KeywordMatch {
  kind: KeywordKind | null;
  /** The list entry that matched, as written in the list ("ARRÊT"). */
  keyword: string | null;
  /**
   * A message that is not an opt-out but may mean one (an opt-out word inside a sentence, or a
   * plain request to stop): show it to an agent, who can record the opt-out.
   */
  flagged: boolean;
}

const stopRequestCache = new WeakMap<KeywordLists, string[][]>();

function stopRequestsOf(lists: KeywordLists): string[][] {
  let cached = stopRequestCache.get(lists);
  if (!cached) {
    cached = lists.stopRequests.map(keywordTokens).filter((t) => t.length > 0);
    stopRequestCache.set(lists, cached);
  }
  return cached;
}

/**
 * Classifies one inbound text. The whole message must read as keyword(s) plus at most a few
 * filler phrases; otherwise it is no keyword, and it is flagged when it contains an opt-out
 * word anywhere ("don't stop sending me deals") or a stop request ("remove me from your
 * list"): in doubt, an agent reads it. When opt-out and other keywords are mixed
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

  const optOutPhrases = phrases.filter((p) => p.kind === 'opt_out').map((p) => p.tokens);
  const asks = optOutPhrases.concat(stopRequestsOf(lists));
  const flagged = tokens.some((_, at) => asks.some((p) => startsWith(tokens, at, p)));
  return { kind: null, keyword: null, flagged };
}
