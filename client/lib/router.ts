/**
 * A tiny History-API router: the current path is a signal, links are intercepted, and pages
 * read `path.value` (so only what depends on the URL re-renders). Small enough that a
 * routing library would cost more bytes than it saves.
 */
import { signal } from '@preact/signals';

export const path = signal(location.pathname);
export const search = signal(location.search);

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  const u = new URL(to, location.origin);
  path.value = u.pathname;
  search.value = u.search;
}

addEventListener('popstate', () => {
  path.value = location.pathname;
  search.value = location.search;
});

// Same-origin <a href="/..."> clicks become in-app navigations (modifier clicks keep their meaning).
addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (a.dataset.external !== undefined) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});

/** Matches `/inbox/:phone` style patterns; returns the decoded params or null. */
export function match(pattern: string, p: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = p.replace(/\/+$/, '').split('/');
  if (a.length !== b.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i]!;
    if (seg.startsWith(':')) out[seg.slice(1)] = decodeURIComponent(b[i]!);
    else if (seg !== b[i]) return null;
  }
  return out;
}
