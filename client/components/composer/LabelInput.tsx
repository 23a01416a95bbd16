/**
 * A button or chip label with a live "n/25" counter (RBM's limit). Nothing is cut: a longer
 * label (typed or pasted) stays as written, turns red and blocks the message, so the author
 * sees what the phone would not show.
 */
import { LIMITS } from '../../../schemas/lint';
import { t } from '../../lib/i18n';

export function LabelInput({
  value,
  onInput,
  max = LIMITS.label,
  label,
  placeholder,
  class: cls,
  onKeyDown,
}: {
  value: string;
  onInput: (value: string) => void;
  max?: number;
  /** The accessible name. */
  label: string;
  placeholder?: string;
  class?: string;
  onKeyDown?: (e: KeyboardEvent) => void;
}) {
  const n = value.trim().length;
  const over = n > max;
  const near = !over && n >= max - 3;
  return (
    <span class={over ? 'label-input label-over' : 'label-input'}>
      <input
        class={cls}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        aria-invalid={over || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {n > 0 && (
        <span
          class={over ? 'label-count over' : near ? 'label-count near' : 'label-count'}
          title={over ? t('label.tooLong', { n, max }) : t('label.count', { n, max })}
          aria-live={over ? 'polite' : 'off'}
        >
          {over ? <span class="sr-only">{t('label.tooLong', { n, max })}</span> : null}
          <span aria-hidden={over || undefined}>
            {n}/{max}
          </span>
        </span>
      )}
    </span>
  );
}
