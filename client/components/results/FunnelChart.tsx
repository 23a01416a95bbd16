/** Sent → delivered → read → clicked → orders, RCS and SMS side by side, with its table. */
import type { SourceMetrics } from '../../../schemas/results';
import { fmtInt, tr } from '../../lib/results-i18n';
import { ChartTable } from './ChartTable';
import { RCS_COLOR, SMS_COLOR } from './TimeChart';
import { UPlotChart } from './UPlotChart';

const STEPS = ['sent', 'delivered', 'read', 'clicked', 'conversions'] as const;

export function FunnelChart({ metrics }: { metrics: SourceMetrics }) {
  const labels = STEPS.map((s) => tr(`results.${s}`));
  const rcs = STEPS.map((s) => metrics.by_channel.rcs[s]);
  const sms = STEPS.map((s) => metrics.by_channel.sms[s]);
  return (
    <figure class="results-figure" data-testid="funnel">
      <figcaption>{tr('results.funnel')}</figcaption>
      <p class="sr-only">{tr('results.chartOf', { name: tr('results.funnel') })}</p>
      <UPlotChart
        kind="bars"
        x={labels}
        xLabel={tr('results.metric')}
        series={[
          { label: tr('results.rcs'), color: RCS_COLOR, values: rcs },
          { label: tr('results.sms'), color: SMS_COLOR, values: sms },
        ]}
        format={fmtInt}
      />
      <ChartTable
        caption={tr('results.funnel')}
        head={[tr('results.metric'), tr('results.rcs'), tr('results.sms'), tr('results.total')]}
        rows={STEPS.map((s, i) => [labels[i] ?? s, fmtInt(rcs[i] ?? 0), fmtInt(sms[i] ?? 0), fmtInt(metrics[s])])}
      />
    </figure>
  );
}
