/** The builder's live count: how many match, who a marketing send would exclude and why, and a sample of members. */
import type { SegmentPreview } from '../../../schemas/segments-api';
import { tseg } from '../../lib/segments-i18n';

export function SegmentPreviewPanel({ preview, busy, invalid }: { preview: SegmentPreview | null; busy: boolean; invalid: boolean }) {
  return (
    <aside class="seg-preview" aria-labelledby="seg-preview-title" aria-busy={busy}>
      <h2 id="seg-preview-title">{tseg('seg.preview')}</h2>
      <div aria-live="polite">
        {invalid ? (
          <p class="muted">{tseg('seg.invalid')}</p>
        ) : !preview ? (
          <p class="muted">{tseg('seg.counting')}</p>
        ) : (
          <>
            <p class="seg-count" data-testid="segment-count">
              {preview.count === 1 ? tseg('seg.matchingOne') : tseg('seg.matching', { n: preview.count })}
            </p>
            <ul class="seg-breakdown">
              <li>{tseg('seg.reachable', { n: preview.breakdown.reachable })}</li>
              {preview.breakdown.excluded.unsubscribed > 0 && (
                <li>{tseg('seg.excludedUnsub', { n: preview.breakdown.excluded.unsubscribed })}</li>
              )}
              {preview.breakdown.excluded.not_subscribed > 0 && (
                <li>{tseg('seg.excludedNever', { n: preview.breakdown.excluded.not_subscribed })}</li>
              )}
            </ul>
          </>
        )}
      </div>
      {preview && !invalid && (
        <>
          <h3>{tseg('seg.sample')}</h3>
          {preview.sample.length === 0 ? (
            <p class="muted">{tseg('seg.noSample')}</p>
          ) : (
            <ul class="seg-sample" data-testid="segment-sample">
              {preview.sample.map((m) => (
                <li key={m.phone}>
                  <span class="seg-sample-name">{m.name ?? '—'}</span> <span class="muted">{m.phone}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
