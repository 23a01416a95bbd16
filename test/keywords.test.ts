// Inbound keyword classification (worker/compliance/keywords.ts): every opt-out, opt-in and
// help word of docs/compliance.md, alone and with filler, in any case and with or without accents;
// sentences that merely contain "stop" are flagged, not opt-outs.
import { describe, expect, it } from 'vitest';
import { classifyKeyword, confirmsDoubleOptIn, DEFAULT_KEYWORDS, keywordListsFor, keywordTokens } from '../worker/compliance/keywords';

const OPT_OUT_WORDS = [
  'STOP',
  'STOPALL',
  'ARRET',
  'ARRÊT',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'OPT OUT',
  'DESABONNER',
  'DÉSABONNER',
  'DESABONNEMENT',
  'DÉSABONNEMENT',
  'DESINSCRIRE',
  'DÉSINSCRIRE',
  'ARRETE',
  'ARRÊTE',
  'ARRETEZ',
  'ARRÊTEZ',
  'ANNULER',
  'FIN',
  'BAJA',
  'PARAR',
];

describe('classifyKeyword: opt-out', () => {
  it.each(OPT_OUT_WORDS)('reads "%s" alone as an opt-out, in upper and lower case', (word) => {
    expect(classifyKeyword(word)).toMatchObject({ kind: 'opt_out', flagged: false });
    expect(classifyKeyword(word.toLowerCase()).kind).toBe('opt_out');
  });

  it.each(OPT_OUT_WORDS)('reads "%s" with English filler as an opt-out', (word) => {
    expect(classifyKeyword(`${word.toLowerCase()} please`).kind).toBe('opt_out');
    expect(classifyKeyword(`Please ${word}!`).kind).toBe('opt_out');
  });

  it.each(OPT_OUT_WORDS)('reads "%s" with French filler as an opt-out', (word) => {
    expect(classifyKeyword(`${word} svp`).kind).toBe('opt_out');
    expect(classifyKeyword(`${word} merci`).kind).toBe('opt_out');
  });

  it.each([
    ['stop please', 'STOP'],
    ['STOP SMS', 'STOP'],
    ['Stop merci', 'STOP'],
    ['please stop', 'STOP'],
    ['stop!!!', 'STOP'],
    ['ARRÊT svp', 'ARRÊT'],
    ['arret', 'ARRÊT'],
    ['stop stop', 'STOP'],
    ['  Stop.  ', 'STOP'],
    ['opt-out', 'OPT OUT'],
    ['Désabonner s’il vous plaît', 'DÉSABONNER'],
    ['baja por favor', 'BAJA'],
    ['Please stop texting me, thanks', 'STOP'],
  ])('reads "%s" as the opt-out keyword %s', (text, keyword) => {
    expect(classifyKeyword(text)).toEqual({ kind: 'opt_out', keyword, flagged: false });
  });

  it.each(["don't stop sending me deals", 'When does the sale end?', 'I want to cancel my order', 'Stop by the store tomorrow'])(
    'does not read "%s" as an opt-out but flags it for an agent',
    (text) => {
      expect(classifyKeyword(text)).toEqual({ kind: null, keyword: null, flagged: true });
    },
  );

  it('does not flag an ordinary message', () => {
    expect(classifyKeyword('Where is my parcel?')).toEqual({ kind: null, keyword: null, flagged: false });
  });

  it('does not read a word that only starts with a keyword as one', () => {
    expect(classifyKeyword('stopped')).toEqual({ kind: null, keyword: null, flagged: false });
  });

  it('honours the stop when opt-out and opt-in words are mixed, and flags it', () => {
    expect(classifyKeyword('start stop')).toEqual({ kind: 'opt_out', keyword: 'STOP', flagged: true });
  });

  it('does not accept a keyword drowned in too much filler', () => {
    expect(classifyKeyword('hi hello ok please stop sending me messages now').kind).toBeNull();
  });
});

describe('classifyKeyword: the French customer’s own words', () => {
  it.each([
    ['Arrête', 'ARRÊTE'],
    ['Arrêtez', 'ARRÊTEZ'],
    ['ARRETE', 'ARRÊTE'],
    ['ANNULER', 'ANNULER'],
    ['FIN', 'FIN'],
    ['DÉSABONNEMENT', 'DÉSABONNEMENT'],
    ['désinscrire', 'DÉSINSCRIRE'],
    ['Arrêtez svp', 'ARRÊTEZ'],
    ['fin merci', 'FIN'],
  ])('reads "%s" as the opt-out keyword %s', (text, keyword) => {
    expect(classifyKeyword(text)).toEqual({ kind: 'opt_out', keyword, flagged: false });
  });

  it.each([
    "Arrêtez de m'envoyer des SMS",
    'ne m’envoyez plus rien',
    'Je ne veux plus recevoir vos messages',
    'Retirez-moi de votre liste',
  ])('flags "%s", which plainly asks to stop, for an agent', (text) => {
    expect(classifyKeyword(text)).toEqual({ kind: null, keyword: null, flagged: true });
  });

  it.each(['remove me from your list', "Don't text me again", 'no more messages please, I moved'])(
    'flags the English request "%s" for an agent',
    (text) => {
      expect(classifyKeyword(text)).toEqual({ kind: null, keyword: null, flagged: true });
    },
  );

  it('honours "stop texting me" as an opt-out', () => {
    expect(classifyKeyword('stop texting me')).toEqual({ kind: 'opt_out', keyword: 'STOP', flagged: false });
  });

  it('does not flag a French message that only says "plus"', () => {
    expect(classifyKeyword('Vous avez la robe en plus grand ?')).toEqual({ kind: null, keyword: null, flagged: false });
  });
});

describe('classifyKeyword: disguised forms', () => {
  it('reads fullwidth ＳＴＯＰ as STOP', () => {
    expect(classifyKeyword('ＳＴＯＰ')).toEqual({ kind: 'opt_out', keyword: 'STOP', flagged: false });
  });

  it('reads STOP with a zero-width space inside as STOP', () => {
    expect(classifyKeyword('S\u200BTOP')).toEqual({ kind: 'opt_out', keyword: 'STOP', flagged: false });
  });

  it('ignores other format characters (soft hyphen, word joiner, bidi mark)', () => {
    expect(classifyKeyword('AR\u00ADRÊT\u2060').kind).toBe('opt_out');
    expect(classifyKeyword('\u200Fstop\u200E').kind).toBe('opt_out');
  });
});

describe('classifyKeyword: opt-in and help', () => {
  it.each(['START', 'UNSTOP', 'DEMARRER', 'DÉMARRER', 'ALTA', 'COMECAR', 'COMEÇAR'])('reads "%s" as an opt-in', (word) => {
    expect(classifyKeyword(word)).toMatchObject({ kind: 'opt_in', flagged: false });
    expect(classifyKeyword(`${word.toLowerCase()} svp`).kind).toBe('opt_in');
  });

  it.each(['HELP', 'INFO', 'AIDE', 'help please', 'Aide svp', 'ayuda'])('reads "%s" as a help request', (text) => {
    expect(classifyKeyword(text).kind).toBe('help');
  });

  it('reads YES as an opt-in only when answering a double opt-in prompt', () => {
    expect(classifyKeyword('Yes')).toEqual({ kind: null, keyword: null, flagged: false });
    expect(classifyKeyword('Yes', { awaitingDoubleOptIn: true })).toEqual({ kind: 'opt_in', keyword: 'YES', flagged: false });
    expect(classifyKeyword('oui merci', { awaitingDoubleOptIn: true }).kind).toBe('opt_in');
  });

  it('uses the lists it is given instead of the defaults', () => {
    const lists = { ...DEFAULT_KEYWORDS, optOut: ['NON'] };
    expect(classifyKeyword('non', { lists }).kind).toBe('opt_out');
    expect(classifyKeyword('stop', { lists }).kind).toBeNull();
  });
});

describe('classifyKeyword: signups', () => {
  it.each(['JOIN', 'join please', 'Inscription', 'inscription svp'])('reads "%s" as a signup', (text) => {
    expect(classifyKeyword(text)).toMatchObject({ kind: 'signup', flagged: false });
  });

  it("takes the brand's own signup words, and keeps one list object per settings copy", () => {
    const words = ['CLUB', 'VIP'];
    const lists = keywordListsFor(words);
    expect(keywordListsFor(words)).toBe(lists);
    expect(classifyKeyword('club', { lists }).kind).toBe('signup');
    expect(classifyKeyword('join', { lists }).kind).toBeNull();
  });

  it('tells the YES of a double opt-in from START', () => {
    const yes = classifyKeyword('oui', { awaitingDoubleOptIn: true });
    const start = classifyKeyword('start', { awaitingDoubleOptIn: true });
    expect(confirmsDoubleOptIn(yes)).toBe(true);
    expect(confirmsDoubleOptIn(start)).toBe(false);
  });
});

describe('keywordTokens', () => {
  it('drops case, accents and punctuation', () => {
    expect(keywordTokens('ARRÊT, svp !')).toEqual(['arret', 'svp']);
    expect(keywordTokens('Opt-Out')).toEqual(['opt', 'out']);
  });

  it('folds width and drops format characters before matching', () => {
    expect(keywordTokens('ＳＴＯＰ ｐｌｅａｓｅ')).toEqual(['stop', 'please']);
    expect(keywordTokens('S\u200BTOP\uFEFF')).toEqual(['stop']);
  });
});
