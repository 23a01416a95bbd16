/**
 * The card builder: one card's fields (image by upload, library or URL; title; description;
 * up to four buttons with their label counters) beside the RCS preview, the lint's advice and
 * the SMS fallback. A controlled component (`value`, `onChange`) with nothing of the agent's
 * thread in it, so the composer and the campaign pages mount the same builder. Nothing is said
 * to be wrong before the author has typed; what carriers refuse blocks the card (`draftContent`).
 */
import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
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
      />
    </div>
  );
}
