/** The results pages' strings and number formats, in the console's current language. */
import { lang, translator } from './i18n';
import { type ResultsKey, resultsEn } from './strings-results-en';
import { resultsFr } from './strings-results-fr';

export type { ResultsKey };
export const tr = translator<ResultsKey>({ en: resultsEn, fr: resultsFr });

export const fmtInt = (n: number) => n.toLocaleString(lang.value);

export const fmtMoney = (n: number, currency: string | null) =>
  currency
    ? n.toLocaleString(lang.value, { style: 'currency', currency, maximumFractionDigits: n >= 1000 ? 0 : 2 })
    : n.toLocaleString(lang.value, { maximumFractionDigits: 2 });

export const fmtPct = (part: number, whole: number) =>
  whole > 0 ? (part / whole).toLocaleString(lang.value, { style: 'percent', maximumFractionDigits: 1 }) : '–';

/** A window in hours as people say it: "5 d", "12 h", "off". */
export const fmtWindow = (hours: number) =>
  hours === 0 ? tr('results.off') : hours % 24 === 0 ? tr('results.days', { n: hours / 24 }) : tr('results.hours', { n: hours });

/** "2026-03-10" → "10 Mar" (UTC day). */
export const fmtDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(lang.value, { day: 'numeric', month: 'short', timeZone: 'UTC' });
