/**
 * The agent's own preferences, kept in this browser per signed-in user: how the console
 * behaves for one person (Front and Intercom keep these per user), not a brand-wide policy.
 */
import { effect, signal } from '@preact/signals';
import { user } from '../lib/auth-state';

export interface Prefs {
  /** After a resolve or a snooze, open the next conversation of the list (Front's default). */
  nextAfterResolve: boolean;
  /** Single-key shortcuts (j, k, e, r, n): WCAG 2.1.4 asks that they can be turned off. */
  singleKeys: boolean;
}

const DEFAULTS: Prefs = { nextAfterResolve: true, singleKeys: true };
export const prefs = signal<Prefs>(DEFAULTS);

const keyOf = (id: string) => `prefs:${id}`;

function read(id: string): Prefs {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(keyOf(id)) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return DEFAULTS;
    const s = saved as Partial<Record<keyof Prefs, unknown>>;
    return {
      nextAfterResolve: typeof s.nextAfterResolve === 'boolean' ? s.nextAfterResolve : DEFAULTS.nextAfterResolve,
      singleKeys: typeof s.singleKeys === 'boolean' ? s.singleKeys : DEFAULTS.singleKeys,
    };
  } catch {
    return DEFAULTS;
  }
}

effect(() => {
  const id = user.value?.id;
  prefs.value = id ? read(id) : DEFAULTS;
});

export function setPref<K extends keyof Prefs>(key: K, value: Prefs[K]): void {
  prefs.value = { ...prefs.value, [key]: value };
  const id = user.value?.id;
  if (id) localStorage.setItem(keyOf(id), JSON.stringify(prefs.value));
}
