/**
 * Edits one flow's content with the card builder (the same one campaigns use; `{{ event.* }}`
 * fields render in the preview with a sample event) and, for the abandoned checkout, its delay.
 * The server checks the templates and answers 400 naming the field; that message is shown here.
 */
import { useSignal } from '@preact/signals';
import type { Content } from '../../../schemas/content';
import { FLOW_DELAY_MAX, FLOW_DELAY_MIN, type FlowView } from '../../../schemas/flows';
import { ta } from '../../lib/admin-i18n';
import { ApiError } from '../../lib/api';
import { CardBuilder } from '../composer/CardBuilder';
import { type CardDraft, draftContent, draftOf, emptyCardDraft } from '../composer/drafts';

export function FlowEditor({
  flow,
  onSave,
  onCancel,
}: {
  flow: FlowView;
  onSave: (patch: { content: Content; delay_minutes?: number }) => Promise<void>;
  onCancel: () => void;
}) {
  const initial = draftOf(flow.content as unknown as Content);
  const draft = useSignal<CardDraft>(initial?.kind === 'card' ? initial : emptyCardDraft());
  const delay = useSignal<number>(flow.delay_minutes ?? 60);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  const save = async (e: Event) => {
    e.preventDefault();
    const built = draftContent(draft.value, flow.purpose);
    // Templated links ({{ event.* }}) are not URLs until rendered (hence noValidate): the server
    // checks every field once rendered and names the one that fails.
    const content = built.content ?? built.preview;
    if (!content) {
      error.value = ta('flows.empty');
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      await onSave({ content, ...(flow.delay_minutes !== null ? { delay_minutes: delay.value } : {}) });
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : ta('flows.saveFailed');
    } finally {
      busy.value = false;
    }
  };

  return (
    <form class="flow-editor" onSubmit={save} noValidate>
      <CardBuilder value={draft.value} onChange={(next) => (draft.value = next as CardDraft)} purpose={flow.purpose} />
      {flow.delay_minutes !== null && (
        <label class="field">
          <span>{ta('flows.delay')}</span>
          <input
            type="number"
            name="delay_minutes"
            min={FLOW_DELAY_MIN}
            max={FLOW_DELAY_MAX}
            step={1}
            value={String(delay.value)}
            onInput={(e) => (delay.value = e.currentTarget.valueAsNumber)}
          />
          <span class="field-help">{ta('flows.delayHelp')}</span>
        </label>
      )}
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn" onClick={onCancel}>
          {ta('flows.cancel')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy.value}>
          {ta('flows.save')}
        </button>
      </div>
    </form>
  );
}
