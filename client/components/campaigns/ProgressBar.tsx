/** A campaign's progress: recipients with an outcome out of the audience, as an accessible bar. */
import { tc } from '../../lib/campaigns-i18n';

export function ProgressBar({ done, total, label }: { done: number; total: number; label?: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : done > 0 ? 100 : 0;
  return (
    <div class="campaign-progress">
      <div
        class="campaign-progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={label ?? tc('c.progress')}
        aria-valuetext={`${pct} %`}
      >
        <div class="campaign-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="campaign-progress-pct" data-testid="campaign-progress">
        {pct} %
      </span>
    </div>
  );
}
