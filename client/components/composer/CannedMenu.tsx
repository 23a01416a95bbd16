/**
 * The `/` menu: canned responses filtered by what follows the slash; arrows + Enter insert.
 * With nothing to offer it says so, and how to add one (a link for admins). When a reply about
 * to be sent still holds a `/word` that was never expanded, it asks before sending it as is.
 */
import type { CannedResponse } from '../../state/directory';
import { isAdmin } from '../../lib/auth-state';
import { t } from '../../lib/i18n';

export function cannedMatches(list: CannedResponse[], word: string): CannedResponse[] {
  const q = word.slice(1).toLowerCase();
  return list.filter((c) => c.shortcut.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)).slice(0, 8);
}

/** The first `/word` of a reply that looks like a shortcut nobody expanded (at the start or after a space). */
export function unexpandedShortcut(text: string): string | null {
  return /(?:^|\s)(\/[\w-]+)(?=\s|$)/.exec(text)?.[1] ?? null;
}

export interface CannedMenuProps {
  /** The `/word` being typed at the caret's end of the text, or null. */
  word: string | null;
  items: CannedResponse[];
  /** Whether any canned response exists at all. */
  any: boolean;
  active: number;
  onPick: (c: CannedResponse) => void;
  /** The unexpanded `/word` of a reply held back until the agent decides. */
  asking: string | null;
  onSendAnyway: () => void;
  onKeepEditing: () => void;
}

export function CannedMenu({ word, items, any, active, onPick, asking, onSendAnyway, onKeepEditing }: CannedMenuProps) {
  if (asking)
    return (
      <div class="canned-menu canned-ask" role="alert">
        <p>{t('composer.unexpanded', { word: asking })}</p>
        <div class="form-actions">
          <button type="button" class="btn btn-small" onClick={onKeepEditing}>
            {t('composer.keepEditing')}
          </button>
          <button type="button" class="btn btn-small btn-primary" onClick={onSendAnyway}>
            {t('composer.sendAnyway')}
          </button>
        </div>
      </div>
    );
  if (word === null) return null;
  if (!items.length)
    return (
      <div class="canned-menu canned-empty" role="status">
        <p>{any ? t('composer.cannedNone', { word }) : t('composer.cannedEmpty')}</p>
        <p class="muted">{isAdmin.value ? <a href="/canned-responses">{t('composer.cannedAdd')}</a> : t('composer.cannedAsk')}</p>
      </div>
    );
  return (
    <div class="canned-menu" role="listbox" aria-label={t('composer.canned')}>
      {items.map((c, i) => (
        <div
          key={c.id}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(c);
          }}
        >
          <span class="canned-shortcut">/{c.shortcut}</span>
          <span class="canned-title">{c.title}</span>
          <span class="canned-text">{c.text}</span>
        </div>
      ))}
    </div>
  );
}
