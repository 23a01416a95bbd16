/**
 * One campaign's or flow's report: headline figures, the funnel, outcomes over time, RCS vs SMS
 * side by side, and the attribution windows with a second click window to compare. Reusable:
 * the campaign detail and flow pages embed it with their source id (`campaign_id` of their
 * messages). Charts load uPlot on first render only.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type SourceReport as Report, SourceReportSchema, type Timeseries, TimeseriesSchema } from '../../../schemas/results';
import { ApiError, call } from '../../lib/api';
import { fmtInt, fmtMoney, fmtWindow, tr } from '../../lib/results-i18n';
import { ChannelTable } from './ChannelTable';
import { FunnelChart } from './FunnelChart';
import { KpiTiles } from './KpiTiles';
import { TimeChart } from './TimeChart';

const COMPARE = ['', '1d', '3d', '7d', '14d'] as const;
const OUTCOMES = ['delivered', 'read', 'clicked', 'conversions', 'unsubscribed'] as const;
const COLORS = ['#2563eb', '#7c3aed', '#ea580c', '#15803d', '#dc2626'];

export function SourceReport({ sourceId }: { sourceId: string }) {
  const report = useSignal<Report | null>(null);
  const series = useSignal<Timeseries | null>(null);
  const compare = useSignal<string>('');
  const error = useSignal<string | null>(null);
  useEffect(() => {
    const id = encodeURIComponent(sourceId);
    const q = compare.value ? `?click_window=${compare.value}` : '';
    Promise.all([call(SourceReportSchema, 'GET', `/api/results/${id}${q}`), call(TimeseriesSchema, 'GET', `/api/results/${id}/timeseries`)])
      .then(([r, s]) => {
        report.value = r;
        series.value = s;
        error.value = null;
      })
      .catch((e: unknown) => {
        error.value = e instanceof ApiError ? e.message : tr('results.error');
      });
  }, [sourceId, compare.value]);

  if (error.value)
    return (
      <p class="form-error" role="alert">
        {error.value}
      </p>
    );
  const r = report.value;
  if (!r || !series.value) return <div class="page-loading" role="status" aria-busy="true" aria-label={tr('results.loading')} />;
  const money = (n: number) => fmtMoney(n, r.currency);
  return (
    <div class="source-report" data-testid="source-report">
      <KpiTiles metrics={r.metrics} currency={r.currency} />
      <div class="results-grid">
        <FunnelChart metrics={r.metrics} />
        <TimeChart
          title={tr('results.overTime')}
          days={series.value.days}
          lines={OUTCOMES.map((k, i) => ({ label: tr(`results.${k}`), color: COLORS[i] ?? '#52525b', pick: (d) => d.rcs[k] + d.sms[k] }))}
          format={fmtInt}
          testId="outcomes-over-time"
        />
      </div>
      <ChannelTable metrics={r.metrics} currency={r.currency} />
      <section class="results-section">
        <p class="field-help">
          {tr('results.windows', {
            click: fmtWindow(r.windows.click_hours),
            read: fmtWindow(r.windows.read_hours),
            delivery: fmtWindow(r.windows.delivery_hours),
          })}
        </p>
        <label class="inline-field">
          {tr('results.compare')}{' '}
          <select value={compare.value} onChange={(e) => (compare.value = e.currentTarget.value)}>
            {COMPARE.map((w) => (
              <option key={w} value={w}>
                {w ? fmtWindow(Number(w.slice(0, -1)) * 24) : tr('results.compare.none')}
              </option>
            ))}
          </select>
        </label>
        {r.compare && (
          <p role="status" data-testid="compare">
            {tr('results.compare.result', {
              click: fmtWindow(r.compare.windows.click_hours),
              orders: fmtInt(r.compare.conversions),
              revenue: money(r.compare.revenue),
              baseOrders: fmtInt(r.metrics.conversions),
              baseRevenue: money(r.metrics.revenue),
            })}
          </p>
        )}
      </section>
    </div>
  );
}
