/**
 * The composer's dialog around a builder (a lazily loaded chunk): the agent edits a card or a
 * carousel and attaches it to the reply. A refused attach lists what to fix; nothing is lost
 * on cancel until the dialog closes.
 */
import { useSignal } from '@preact/signals';
import { t } from '../../lib/i18n';
import { Modal } from '../Modal';
import { CardBuilder } from './CardBuilder';
import { CarouselBuilder } from './CarouselBuilder';
import { type Draft, draftContent } from './drafts';

export default function AttachDialog({
  initial,
  onAttach,
  onClose,
}: {
  initial: Draft;
  onAttach: (d: Draft) => void;
  onClose: () => void;
}) {
  const draft = useSignal<Draft>(initial);
  const attempted = useSignal(false);
  const d = draft.value;
  const attach = () => {
    if (draftContent(d).content) onAttach(d);
    else attempted.value = true;
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
          <CardBuilder value={d} onChange={(next) => (draft.value = next)} showProblems={attempted.value} />
        ) : (
          <CarouselBuilder value={d} onChange={(next) => (draft.value = next)} showProblems={attempted.value} />
        )}
        <div class="form-actions builder-actions">
          <button type="button" class="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary">
            {d.kind === 'card' ? t('card.insert') : t('carousel.insert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
