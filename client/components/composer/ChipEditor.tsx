/** Suggested replies to attach under a text (max 25 characters each, as RCS allows). */
import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';

export function ChipEditor({ chips, onChange }: { chips: string[]; onChange: (c: string[]) => void }) {
  const draft = useSignal('');
  const add = () => {
    const s = draft.value.trim();
    if (s && !chips.includes(s) && chips.length < 11) onChange([...chips, s]);
    draft.value = '';
  };
  return (
    <div class="chip-editor">
      {chips.map((c) => (
        <span class="chip chip-draft" key={c}>
          {c}
          <button
            type="button"
            class="chip-x"
            aria-label={`${t('card.remove')} ${c}`}
            onClick={() => onChange(chips.filter((x) => x !== c))}
          >
            <Icon name="x" size={11} />
          </button>
        </span>
      ))}
      <input
        class="chip-input"
        maxLength={25}
        aria-label={t('composer.addChip')}
        placeholder={t('composer.addChip')}
        value={draft.value}
        onInput={(e) => (draft.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
