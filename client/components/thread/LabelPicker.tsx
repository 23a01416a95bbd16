/** Toggle labels on a conversation from the known list (or type a new one). */
import { useSignal } from '@preact/signals';
import { LABEL_NAME_MAX_LENGTH } from '../../../schemas/labels';
import { t } from '../../lib/i18n';
import { labelColor } from '../../state/directory';
import { Icon } from '../Icon';

export function LabelPicker({
  current,
  all,
  onChange,
}: {
  phone: string;
  current: string[];
  all: string[];
  onChange: (labels: string[]) => void;
}) {
  const open = useSignal(false);
  const draft = useSignal('');
  const toggle = (l: string) => onChange(current.includes(l) ? current.filter((x) => x !== l) : [...current, l]);
  const names = [...new Set([...all, ...current])];
  return (
    <div class="dropdown">
      <button type="button" class="btn" aria-haspopup="menu" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {t('conv.labels')}
        {current.length > 0 && <span class="tab-count">{current.length}</span>}
      </button>
      {open.value && (
        <div class="menu menu-right label-menu" role="menu">
          {names.map((l) => (
            <label key={l} class="menu-check">
              <input type="checkbox" checked={current.includes(l)} onChange={() => toggle(l)} />
              <span class="dot" style={{ background: labelColor(l) }} />
              {l}
            </label>
          ))}
          <form
            class="menu-add"
            onSubmit={(e) => {
              e.preventDefault();
              const l = draft.value.trim();
              if (l && !current.includes(l)) onChange([...current, l]);
              draft.value = '';
            }}
          >
            <input
              aria-label={t('conv.addLabel')}
              placeholder={t('conv.addLabel')}
              maxLength={LABEL_NAME_MAX_LENGTH}
              value={draft.value}
              onInput={(e) => (draft.value = e.currentTarget.value)}
            />
            <button class="icon-btn" type="submit" aria-label={t('conv.addLabel')}>
              <Icon name="plus" size={14} />
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
