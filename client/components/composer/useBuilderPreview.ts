/**
 * What the card and carousel builders share with their preview: the props every builder takes
 * (the composer and the campaign pages mount them alike) and the preview's last state, whose
 * template errors are shown under the fields they name.
 */
import { useSignal } from '@preact/signals';
import type { PickedProfile } from '../preview/ProfilePicker';
import type { FieldIssue, PreviewState } from '../preview/usePreview';
import type { Purpose } from './drafts';

export interface BuilderProps<D> {
  value: D;
  onChange: (next: D) => void;
  purpose?: Purpose;
  /** Show what blocks the message even before any edit (after a refused attach or save). */
  showProblems?: boolean;
  /** Whose profile renders the preview first (the conversation's customer); a sample one when absent. */
  profile?: PickedProfile | null;
  /** Each state of the server's preview, so the host holds the message back on a template error. */
  onPreview?: (state: PreviewState) => void;
}

export function useBuilderPreview(onPreview?: (state: PreviewState) => void): {
  issues: FieldIssue[];
  onPreview: (state: PreviewState) => void;
} {
  const last = useSignal<PreviewState | null>(null);
  return {
    // Kept while the next answer is on its way, so an error does not blink at each keystroke.
    issues: last.value?.status === 'invalid' || last.value?.status === 'loading' ? last.value.issues : [],
    onPreview: (state) => {
      last.value = state;
      onPreview?.(state);
    },
  };
}
