/** Reply | Private note, as ARIA tabs: one tab stop, arrow keys / Home / End switch. */
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';

type Mode = 'reply' | 'note';

export function ComposerTabs({ note, panel, onPick }: { note: boolean; panel: string; onPick: (m: Mode, viaKeys: boolean) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    const to: Mode | null = e.key === 'ArrowLeft' || e.key === 'Home' ? 'reply' : e.key === 'ArrowRight' || e.key === 'End' ? 'note' : null;
    if (!to) return;
    e.preventDefault();
    onPick(to, true);
    // Arrow keys move along the tabs (the pattern): the focus follows, the box is one Tab away.
    requestAnimationFrame(() => document.getElementById(`composer-tab-${to}`)?.focus());
  };
  const tab = (m: Mode, selected: boolean) => (
    <button
      type="button"
      role="tab"
      id={`composer-tab-${m}`}
      aria-selected={selected}
      aria-controls={panel}
      tabIndex={selected ? 0 : -1}
      class={selected ? 'tab active' : 'tab'}
      onClick={() => onPick(m, false)}
    >
      <Icon name={m} size={13} /> {m === 'reply' ? t('composer.reply') : t('composer.note')}
    </button>
  );
  return (
    <div class="composer-tabs" role="tablist" aria-label={t('composer.mode')} onKeyDown={onKeyDown}>
      {tab('reply', !note)}
      {tab('note', note)}
    </div>
  );
}
