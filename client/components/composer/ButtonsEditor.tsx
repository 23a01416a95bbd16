/** Button rows of a card or a carousel: a label (with its counter) and an optional link. */
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';
import { FieldIssues } from '../preview/FieldIssues';
import type { FieldIssue } from '../preview/usePreview';
import type { ButtonDraft } from './drafts';
import { LabelInput } from './LabelInput';

export function ButtonsEditor({
  value,
  onChange,
  max,
  legend,
  name = '',
  issues = [],
  path = '',
}: {
  value: ButtonDraft[];
  onChange: (b: ButtonDraft[]) => void;
  max: number;
  legend: string;
  /** Prefix of each field's accessible name, to tell the cards of a carousel apart. */
  name?: string;
  /** The preview's template errors, shown under the row they name. */
  issues?: readonly FieldIssue[];
  /** Where these buttons are in the content (`content.cards.1.buttons`). */
  path?: string;
}) {
  const set = (i: number, patch: Partial<ButtonDraft>) => onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {value.map((b, i) => (
        <div class="button-row" key={i}>
          <LabelInput
            label={`${name}${t('card.buttonText')} ${i + 1}`}
            placeholder={t('card.buttonText')}
            value={b.text}
            onInput={(text) => set(i, { text })}
          />
          <input
            aria-label={`${name}${t('card.buttonUrl')} ${i + 1}`}
            placeholder={t('card.buttonUrl')}
            type="url"
            value={b.url}
            onInput={(e) => set(i, { url: e.currentTarget.value })}
          />
          <button
            type="button"
            class="icon-btn"
            aria-label={`${name}${t('card.remove')} ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            <Icon name="x" size={14} />
          </button>
          <FieldIssues issues={issues} path={`${path}.${i}.text`} />
          <FieldIssues issues={issues} path={`${path}.${i}.url`} />
        </div>
      ))}
      {value.length < max && (
        <button type="button" class="link-btn" onClick={() => onChange([...value, { text: '', url: '' }])}>
          <Icon name="plus" size={13} /> {t('card.addButton')}
        </button>
      )}
    </fieldset>
  );
}
