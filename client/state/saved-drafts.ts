/**
 * What the agent was typing in each conversation, kept in this browser (per signed-in user and
 * per conversation) so switching conversations or reloading never loses it. The mode is kept
 * with the text: a half-written private note comes back as a note, never as a reply.
 */
import { user } from '../lib/auth-state';

export interface SavedDraft {
  text: string;
  note: boolean;
}

const keyOf = (phone: string) => `draft:${user.value?.id ?? ''}:${phone}`;

export function loadDraft(phone: string): SavedDraft | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(keyOf(phone)) ?? 'null');
    if (typeof v !== 'object' || v === null) return null;
    const d = v as Partial<Record<keyof SavedDraft, unknown>>;
    return typeof d.text === 'string' ? { text: d.text, note: d.note === true } : null;
  } catch {
    return null;
  }
}

/** Saves the draft, or forgets it when the box is empty (after a send). */
export function saveDraft(phone: string, d: SavedDraft): void {
  try {
    if (d.text.trim()) localStorage.setItem(keyOf(phone), JSON.stringify(d));
    else localStorage.removeItem(keyOf(phone));
  } catch {
    /* storage full or disabled: the draft lives as long as the page */
  }
}
