/** The `/` menu: canned responses filtered by what follows the slash; arrows + Enter insert. */
import type { CannedResponse } from '../../state/directory';
import { t } from '../../lib/i18n';

export function cannedMatches(list: CannedResponse[], word: string): CannedResponse[] {
  const q = word.slice(1).toLowerCase();
  return list.filter((c) => c.shortcut.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)).slice(0, 8);
}

export function CannedMenu({ items, active, onPick }: { items: CannedResponse[]; active: number; onPick: (c: CannedResponse) => void }) {
  if (!items.length) return null;
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
