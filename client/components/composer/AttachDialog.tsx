/**
 * The composer's dialog around a builder (a lazily loaded chunk): the agent edits a card or a
 * carousel and attaches it to the reply. A refused attach lists what to fix; nothing is lost
 * on cancel until the dialog closes. The preview renders it for the conversation's customer,
 * and Attach waits for that preview to answer without a template error.
 */
import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import { Modal } from '../Modal';
import type { PickedProfile } from '../preview/ProfilePicker';
import { type PreviewState, previewAllows } from '../preview/usePreview';
import { CardBuilder } from './CardBuilder';
import { CarouselBuilder } from './CarouselBuilder';
import { type Draft, draftContent } from './drafts';

export default function AttachDialog({
  initial,
  profile,
  onAttach,
  onClose,
}: {
  initial: Draft;
  /** The conversation's customer, whom the preview shows first. */
  profile: PickedProfile | null;
  onAttach: (d: Draft) => void;
  onClose: () => void;
}) {
  const draft = useSignal<Draft>(initial);
  const attempted = useSignal(false);
  const preview = useSignal<PreviewState | null>(null);
  const d = draft.value;
  const ready = draftContent(d).content !== null;
  // A blocked message stays clickable (the click lists what to fix); a valid one waits for the preview.
  const held = ready && !previewAllows(preview.value);
  const attach = () => {
    if (held) return;
    if (ready) onAttach(d);
    else attempted.value = true;
  };
  const props = {
    showProblems: attempted.value,
    profile,
    onPreview: (s: PreviewState) => (preview.value = s),
  };
  return (
    <Modal title={d.kind === 'card' ? t('card.builder') : t('carousel.builder')} onClose={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          attach();
        }}
      >
        {d.kind === 'card' ? (
          <CardBuilder value={d} onChange={(next) => (draft.value = next)} {...props} />
        ) : (
          <CarouselBuilder value={d} onChange={(next) => (draft.value = next)} {...props} />
        )}
        <div class="form-actions builder-actions">
          <button type="button" class="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={held}>
            {d.kind === 'card' ? t('card.insert') : t('carousel.insert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
