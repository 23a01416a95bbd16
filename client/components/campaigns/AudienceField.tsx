/**
 * Who the campaign goes to: a saved or built-in segment (picked from the list) or a list of numbers, and before sending,
 * how many of them it would reach and why the others are excluded (`POST /api/campaigns/audience`).
 */
import { useSignal } from '@preact/signals';
import { type AudienceBreakdown, AudienceBreakdownSchema } from '../../../schemas/campaign-view';
import { ApiError, call } from '../../lib/api';
import { tc } from '../../lib/campaigns-i18n';
import { SegmentPicker } from './SegmentPicker';

export interface Audience {
  mode: 'segment' | 'list';
  segmentId: string;
  list: string;
}

export const phonesOf = (list: string) =>
  list
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);

export const audienceBody = (a: Audience) => (a.mode === 'segment' ? { segment_id: a.segmentId.trim() } : { profiles: phonesOf(a.list) });

export function AudienceField({ value, onChange }: { value: Audience; onChange: (a: Audience) => void }) {
  const breakdown = useSignal<AudienceBreakdown | null>(null);
  const error = useSignal<string | null>(null);
  const check = async () => {
    error.value = null;
    try {
      breakdown.value = await call(AudienceBreakdownSchema, 'POST', '/api/campaigns/audience', audienceBody(value));
    } catch (e) {
      breakdown.value = null;
      error.value = e instanceof ApiError ? e.message : String(e);
    }
  };
  const set = (patch: Partial<Audience>) => {
    breakdown.value = null;
    onChange({ ...value, ...patch });
  };
  const b = breakdown.value;
  return (
    <fieldset class="campaign-audience">
      <legend>{tc('b.audience')}</legend>
      <label class="radio">
        <input type="radio" name="audience" checked={value.mode === 'segment'} onChange={() => set({ mode: 'segment' })} />{' '}
        {tc('b.segment')}
      </label>
      <label class="radio">
        <input type="radio" name="audience" checked={value.mode === 'list'} onChange={() => set({ mode: 'list' })} /> {tc('b.list')}
      </label>
      {value.mode === 'segment' ? (
        <SegmentPicker value={value.segmentId} onChange={(segmentId) => set({ segmentId })} />
      ) : (
        <label class="field">
          <span>{tc('b.list')}</span>
          <textarea
            rows={4}
            value={value.list}
            aria-describedby="audience-list-help"
            onInput={(e) => set({ list: e.currentTarget.value })}
          />
          <small id="audience-list-help" class="muted">
            {tc('b.listHelp')}
          </small>
        </label>
      )}
      <button type="button" class="btn btn-small" onClick={() => void check()}>
        {tc('b.check')}
      </button>
      <p role="status" class="campaign-breakdown" data-testid="audience-breakdown">
        {b &&
          tc('b.breakdown', {
            total: b.total,
            eligible: b.eligible_marketing,
            unsubscribed: b.excluded.unsubscribed,
            never: b.excluded.never_subscribed,
          })}
      </p>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
    </fieldset>
  );
}
