/**
 * A menu button's behaviour (ARIA menu button pattern): one menu of the console open at a
 * time, focus on its first item when it opens, arrow keys / Home / End move between items,
 * Escape closes it and gives focus back to its button, and a click outside or Tab closes it.
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';

/** The id of the open menu (null: none). */
export const openMenu = signal<string | null>(null);
let seq = 0;

const ITEMS = '[role=menuitem], [role=menuitemcheckbox], [role=menuitemradio]';

export function useMenu() {
  const id = useMemo(() => `menu-${++seq}`, []);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = openMenu.value === id;
  const close = (refocus = false) => {
    if (openMenu.value === id) openMenu.value = null;
    if (refocus) button.current?.focus();
  };
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];

  useEffect(() => {
    if (!open) return;
    requestAnimationFrame(() => items()[0]?.focus());
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    addEventListener('mousedown', outside);
    return () => removeEventListener('mousedown', outside);
  }, [open]);
  useEffect(() => () => close(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLElement);
    let to: number | null = null;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    }
    if (e.key === 'Tab') {
      close();
      return;
    }
    // Arrow keys move between items, but leave a text field inside the popup alone.
    if (/^(INPUT|SELECT|TEXTAREA)$/.test((e.target as HTMLElement).tagName)) return;
    if (e.key === 'ArrowDown') to = i < 0 ? 0 : (i + 1) % list.length;
    else if (e.key === 'ArrowUp') to = i <= 0 ? list.length - 1 : i - 1;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = list.length - 1;
    if (to === null || !list.length) return;
    e.preventDefault();
    list[to]?.focus();
  };

  return {
    open,
    root,
    button,
    menuId: id,
    toggle: () => (openMenu.value = open ? null : id),
    close,
    /** Spread on the button that opens the menu. */
    buttonProps: { 'aria-haspopup': 'menu' as const, 'aria-expanded': open, 'aria-controls': open ? id : undefined },
    onKeyDown,
  };
}
