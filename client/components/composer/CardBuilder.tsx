/**
 * The card builder: one card's fields (image by upload, library or URL; title; description;
 * up to four buttons with their label counters) beside the RCS preview, the lint's advice and
 * the SMS fallback. A controlled component (`value`, `onChange`) with nothing of the agent's
 * thread in it, so the composer and the campaign pages mount the same builder. Nothing is said
 * to be wrong before the author has typed; what carriers refuse blocks the card (`draftContent`).
 * For marketing and transactional sends it also edits the chips under the card (the "Stop"
 * reply); the agent's composer has its own chips.
 */
import { useSignal } from '@preact/signals';
import { LIMITS } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { ButtonsEditor } from './ButtonsEditor';
import { CardEditor } from './CardEditor';
import { type CardDraft, draftContent, type Purpose } from './drafts';
import { Previews } from './Previews';
import { problemLines } from './problems';

export function CardBuilder({
  value,
  onChange,
  purpose = 'support',
  showProblems = false,
}: {
  value: CardDraft;
  onChange: (next: CardDraft) => void;
  purpose?: Purpose;
  /** Show what blocks the card even before any edit (after a refused attach or save). */
  showProblems?: boolean;
}) {
  const touched = useSignal(false);
  const built = draftContent(value, purpose);
  const change = (next: CardDraft) => {
    touched.value = true;
    onChange(next);
  };
  const lines = touched.value || showProblems ? problemLines(built.problems) : [];
  return (
    <div class="card-builder">
      <div class="card-form">
        <CardEditor value={value.card} onChange={(card) => change({ ...value, card })} />
        {purpose !== 'support' && (
          <ButtonsEditor
            legend={t('card.chips')}
            name={`${t('card.chips')} · `}
            max={LIMITS.suggestions}
            value={value.buttons}
            onChange={(buttons) => change({ ...value, buttons })}
          />
        )}
        {lines.length > 0 && (
          <div class="form-problems" role="status">
            <strong>{t('builder.fix')}</strong>
            <ul>
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <Previews
        content={built.content}
        preview={built.preview}
        advice={built.advice}
        sms={built.sms}
        onSms={(fallback) => change({ ...value, fallback })}
        marketing={purpose === 'marketing'}
      />
    </div>
  );
}
