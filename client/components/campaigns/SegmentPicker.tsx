/**
 * The campaign's segment, picked from the saved and built-in segments (`GET /api/segments`),
 * each with the count the server took when answering, so the marketer sees the reach before
 * checking the consent breakdown.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useId } from 'preact/hooks';
import { type Segment, SegmentListSchema } from '../../../schemas/segments-api';
import { ApiError, call } from '../../lib/api';
import { tc } from '../../lib/campaigns-i18n';
import { segmentName } from '../../lib/segment-names';

export function SegmentPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const segments = useSignal<Segment[] | null>(null);
  const error = useSignal<string | null>(null);
  const id = useId();
  useEffect(() => {
    call(SegmentListSchema, 'GET', '/api/segments')
      .then((r) => (segments.value = r.segments))
      .catch((e: unknown) => (error.value = e instanceof ApiError ? e.message : String(e)));
  }, []);
  const list = segments.value;
  return (
    // A label of its own (not wrapping the select), so the select's name is not followed by the chosen option.
    <div class="field">
      <label for={id}>{tc('b.segmentPick')}</label>
      <select id={id} value={value} disabled={!list} aria-busy={!list} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{list && list.length === 0 ? tc('b.segmentNone') : tc('b.segmentChoose')}</option>
        {list?.map((s) => (
          <option key={s.id} value={s.id}>
            {tc(s.builtin ? 'b.segmentBuiltin' : 'b.segmentOption', { name: segmentName(s), count: s.count })}
          </option>
        ))}
      </select>
      {error.value && (
        <small class="form-error" role="alert">
          {error.value}
        </small>
      )}
    </div>
  );
}
