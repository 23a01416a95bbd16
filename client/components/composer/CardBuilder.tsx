/**
 * The card builder: one card's fields (image by upload, library or URL; title; description;
 * up to four buttons with their label counters) beside the preview: the card as the chosen
 * customer gets it (templates rendered by the server, its lint) and the SMS that goes with it.
 * A controlled component (`value`, `onChange`) with nothing of the agent's thread in it, so the
 * composer and the campaign pages mount the same builder. Nothing is said to be wrong before
 * the author has typed; what carriers refuse blocks the card (`draftContent`), and a template
 * error is shown under its field (`onPreview` lets the host hold the card back).
 * For marketing and transactional sends it also edits the chips under the card (the "Stop"
 * reply); the agent's composer has its own chips.
 */
import { useSignal } from '@preact/signals';
import { LIMITS } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { ButtonsEditor } from './ButtonsEditor';
import { CardEditor } from './CardEditor';
import { type CardDraft, draftContent } from './drafts';
import { Previews } from './Previews';
import { ProblemList } from './ProblemList';
import { problemLines } from './problems';
import { type BuilderProps, useBuilderPreview } from './useBuilderPreview';

export function CardBuilder({
  value,
  onChange,
  purpose = 'support',
  showProblems = false,
  profile = null,
  onPreview,
}: BuilderProps<CardDraft>) {
  const touched = useSignal(false);
  const preview = useBuilderPreview(onPreview);
  const built = draftContent(value, purpose);
  const change = (next: CardDraft) => {
    touched.value = true;
    onChange(next);
  };
  return (
    <div class="card-builder">
      <div class="card-form">
        <CardEditor value={value.card} onChange={(card) => change({ ...value, card })} issues={preview.issues} path="content.card" />
        {purpose !== 'support' && (
          <ButtonsEditor
            legend={t('card.chips')}
            name={`${t('card.chips')} · `}
            max={LIMITS.suggestions}
            value={value.buttons}
            onChange={(buttons) => change({ ...value, buttons })}
            issues={preview.issues}
            path="content.suggestions"
          />
        )}
        <ProblemList lines={touched.value || showProblems ? problemLines(built.problems) : []} />
      </div>
      <Previews
        content={built.content}
        preview={built.preview}
        sms={built.sms}
        fallback={value.fallback}
        onSms={(fallback) => change({ ...value, fallback })}
        purpose={purpose}
        profile={profile}
        issues={preview.issues}
        onPreview={preview.onPreview}
      />
    </div>
  );
}
