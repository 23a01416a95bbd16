/**
 * Suggested replies to attach under a text, each labelled with its counter (25 characters, as
 * RCS allows): a longer label is not cut, it is refused with its length shown.
 */
import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import { LIMITS } from '../../../schemas/lint';
import { Icon } from '../Icon';
import { LabelInput } from './LabelInput';

export function ChipEditor({ chips, onChange }: { chips: string[]; onChange: (c: string[]) => void }) {
  const draft = useSignal('');
  const add = () => {
    const s = draft.value.trim();
    if (s.length > LIMITS.label) return;
    if (s && !chips.includes(s) && chips.length < LIMITS.suggestions) onChange([...chips, s]);
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
      <LabelInput
        class="chip-input"
        label={t('composer.addChip')}
        placeholder={t('composer.addChip')}
        value={draft.value}
        onInput={(value) => (draft.value = value)}
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
