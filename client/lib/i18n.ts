/**
 * English and French. The language comes from the browser, can be switched in the user menu,
 * and is remembered in localStorage. Components call `t()` during render, which reads the
 * `lang` signal, so switching re-renders only what shows text. The strings of pages loaded on
 * first visit live with them (`translator`, e.g. lib/admin-i18n.ts), out of the first load.
 */
import { signal } from '@preact/signals';
import { mediaEn, mediaFr } from './i18n-media';
import { dayEn, dayFr } from './strings-day';
import { en, type Key as SharedKey } from './strings-en';
import { fr } from './strings-fr';

/** The shared strings and the builders' (lib/i18n-media.ts), which the composer shows too. */
export type Key = SharedKey | keyof typeof mediaEn | keyof typeof dayEn;

export type Lang = 'en' | 'fr';

function initialLang(): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const lang = signal<Lang>(initialLang());
document.documentElement.lang = lang.value;

export function setLang(l: Lang): void {
  lang.value = l;
  localStorage.setItem('lang', l);
  document.documentElement.lang = l;
}

/** A `t` for one set of strings: translates a key, filling `{name}` placeholders. Values are text, never HTML. */
export function translator<K extends string>(dicts: Record<Lang, Record<K, string>>) {
  return (key: K, params?: Record<string, string | number>): string => {
    const s = dicts[lang.value][key];
    return params ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : s;
  };
}

/** The console's shared strings (strings-en.ts, strings-fr.ts, i18n-media.ts). */
export const t = translator<Key>({ en: { ...en, ...mediaEn, ...dayEn }, fr: { ...fr, ...mediaFr, ...dayFr } });

/** Relative-ish time for lists: "14:05" today, "Mon" this week, else a short date. */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  const now = new Date();
  const l = lang.value;
  if (d.toDateString() === now.toDateString()) return d.toLocaleTimeString(l, { hour: '2-digit', minute: '2-digit' });
  if (now.getTime() - d.getTime() < 6 * 864e5) return d.toLocaleDateString(l, { weekday: 'short' });
  return d.toLocaleDateString(l, { day: 'numeric', month: 'short' });
}

export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(lang.value, { dateStyle: 'medium', timeStyle: 'short' });
}
