/**
 * The segment builder: a name, nested all/any groups of conditions, and the live count and
 * sample beside them (asked of the server a moment after the last edit). The server's 400
 * details are shown next to the condition they name; saving creates or updates the segment.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Group, SEGMENT_NAME_MAX_LENGTH } from '../../../schemas/segments';
import { type Segment, type SegmentPreview, SegmentPreviewSchema, SegmentSchema } from '../../../schemas/segments-api';
import { ApiError, call } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { Issue } from '../../lib/segment-model';
import { tseg } from '../../lib/segments-i18n';
import { GroupEditor } from './GroupEditor';
import { SegmentPreviewPanel } from './SegmentPreviewPanel';

/** Quiet time after the last edit before the count is asked for. */
export const PREVIEW_DEBOUNCE_MS = 350;

export interface Draft {
  /** A saved segment being edited; none for a new one (or a copy of a built-in). */
  id?: string;
  name: string;
  definition: Group;
}

const issuesOf = (err: unknown): Issue[] | null =>
  err instanceof ApiError && err.status === 400 && Array.isArray(err.details) ? (err.details as Issue[]) : null;

let previewSeq = 0;

export function SegmentBuilder({ draft, readOnly, onSaved }: { draft: Draft; readOnly: boolean; onSaved: (s: Segment) => void }) {
  const name = useSignal(draft.name);
  const definition = useSignal<Group>(draft.definition);
  const preview = useSignal<SegmentPreview | null>(null);
  const issues = useSignal<Issue[]>([]);
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const saved = useSignal(false);

  useEffect(() => {
    const seq = ++previewSeq;
    busy.value = true;
    const timer = setTimeout(() => {
      call(SegmentPreviewSchema, 'POST', '/api/segments/preview', { definition: definition.value }).then(
        (p) => {
          if (seq !== previewSeq) return;
          preview.value = p;
          issues.value = [];
          busy.value = false;
        },
        (err: unknown) => {
          if (seq !== previewSeq) return;
          busy.value = false;
          const found = issuesOf(err);
          if (found) issues.value = found;
          else error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [definition.value]);

  const save = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    saved.value = false;
    try {
      const body = { name: name.value, definition: definition.value };
      const s = draft.id
        ? await call(SegmentSchema, 'PATCH', `/api/segments/${encodeURIComponent(draft.id)}`, body)
        : await call(SegmentSchema, 'POST', '/api/segments', body);
      saved.value = true;
      onSaved(s);
    } catch (err) {
      const found = issuesOf(err);
      if (found) issues.value = found;
      else error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    }
  };

  const nameIssues = issues.value.filter((i) => i.path === 'name');
  const invalid = issues.value.some((i) => i.path.startsWith('definition'));
  return (
    <form class="seg-builder" onSubmit={save} aria-label={tseg('seg.builderTitle')}>
      <div class="seg-builder-main">
        <label class="field">
          <span>{tseg('seg.name')}</span>
          <input
            required
            maxLength={SEGMENT_NAME_MAX_LENGTH}
            value={name.value}
            disabled={readOnly}
            aria-invalid={nameIssues.length > 0 || undefined}
            aria-describedby={nameIssues.length ? 'seg-name-error' : undefined}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
          {nameIssues.length > 0 && (
            <small class="field-error" id="seg-name-error" role="alert">
              {nameIssues.map((i) => i.message).join(' ')}
            </small>
          )}
        </label>
        <GroupEditor
          value={definition.value}
          path="definition"
          depth={1}
          issues={issues.value}
          readOnly={readOnly}
          onChange={(g) => (definition.value = g)}
        />
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {!readOnly && (
          <div class="form-actions">
            <button type="submit" class="btn btn-primary">
              {tseg('seg.save')}
            </button>
            {saved.value && (
              <span class="muted" role="status">
                {tseg('seg.saved')}
              </span>
            )}
          </div>
        )}
      </div>
      <SegmentPreviewPanel preview={preview.value} busy={busy.value} invalid={invalid} />
    </form>
  );
}
