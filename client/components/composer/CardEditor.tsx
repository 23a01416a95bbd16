/** The fields of one card (media, title, description, buttons): the card builder's form, and each card of a carousel. */
import { LIMITS } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { FieldIssues } from '../preview/FieldIssues';
import type { FieldIssue } from '../preview/usePreview';
import { ButtonsEditor } from './ButtonsEditor';
import type { CardFields } from './drafts';
import { MediaField } from './MediaField';

export function CardEditor({
  value,
  onChange,
  name = '',
  maxButtons = LIMITS.cardButtons,
  issues = [],
  path = 'content.card',
}: {
  value: CardFields;
  onChange: (next: CardFields) => void;
  /** Prefix of every field's accessible name ("Card 2 · "), empty for a single card. */
  name?: string;
  maxButtons?: number;
  /** The preview's template errors, shown under the field they name. */
  issues?: readonly FieldIssue[];
  /** Where this card is in the content: `content.card`, or `content.cards.1` in a carousel. */
  path?: string;
}) {
  const set = (patch: Partial<CardFields>) => onChange({ ...value, ...patch });
  return (
    <div class="card-editor">
      <MediaField name={name} value={value} onChange={(m) => set(m)} />
      <FieldIssues issues={issues} path={`${path}.media.url`} />
      <label class="field">
        <span>{t('card.title')}</span>
        <input
          aria-label={`${name}${t('card.title')}`}
          maxLength={LIMITS.title}
          value={value.title}
          onInput={(e) => set({ title: e.currentTarget.value })}
        />
        <FieldIssues issues={issues} path={`${path}.title`} />
      </label>
      <label class="field">
        <span>{t('card.description')}</span>
        <textarea
          aria-label={`${name}${t('card.description')}`}
          rows={3}
          maxLength={LIMITS.description}
          value={value.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
        <FieldIssues issues={issues} path={`${path}.description`} />
      </label>
      <ButtonsEditor
        name={name}
        legend={t('card.buttons')}
        max={maxButtons}
        value={value.buttons}
        onChange={(buttons) => set({ buttons })}
        issues={issues}
        path={`${path}.buttons`}
      />
    </div>
  );
}
