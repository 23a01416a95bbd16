/**
 * Short confirmations of what the agent just changed, each with Undo when the change has an
 * inverse (resolve → reopen, snooze → the previous status, assign → the previous assignee).
 */
import { signal } from '@preact/signals';

export interface Toast {
  id: number;
  text: string;
  /** The inverse change; the toast offers Undo while it shows. */
  undo?: () => Promise<void>;
  error?: boolean;
}

export const toasts = signal<Toast[]>([]);
const SHOW_MS = 8000;
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts.value = toasts.value.filter((x) => x.id !== id);
}

/** Shows a toast (at most three at once, the oldest leaves first). */
export function toast(text: string, opts: { undo?: () => Promise<void>; error?: boolean } = {}): number {
  const id = nextId++;
  const next = [...toasts.value, { id, text, ...opts }];
  for (const old of next.slice(0, Math.max(0, next.length - 3))) dismissToast(old.id);
  toasts.value = next.slice(-3);
  timers.set(
    id,
    setTimeout(() => dismissToast(id), SHOW_MS),
  );
  return id;
}

/** Keeps a toast up while the pointer or the keyboard is on it (WCAG 2.2.1: enough time to reach Undo). */
export function holdToast(id: number, held: boolean): void {
  clearTimeout(timers.get(id));
  if (!held)
    timers.set(
      id,
      setTimeout(() => dismissToast(id), SHOW_MS),
    );
}
