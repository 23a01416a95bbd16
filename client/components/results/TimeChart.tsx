/** Figures per UTC day as lines (RCS vs SMS, or several outcomes), with its table. */
import type { DayPoint } from '../../../schemas/results';
import { fmtDay, tr } from '../../lib/results-i18n';
import { ChartTable } from './ChartTable';
import { UPlotChart } from './UPlotChart';

export interface TimeLine {
  label: string;
  color: string;
  pick: (d: DayPoint) => number;
}

export function TimeChart({
  title,
  days,
  lines,
  format,
  testId,
}: {
  title: string;
  days: DayPoint[];
  lines: TimeLine[];
  format: (n: number) => string;
  testId?: string;
}) {
  const x = days.map((d) => fmtDay(d.day));
  const values = lines.map((l) => days.map(l.pick));
  return (
    <figure class="results-figure" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <p class="sr-only">{tr('results.chartOf', { name: title })}</p>
      <UPlotChart
        kind="lines"
        x={x}
        xLabel={tr('results.day')}
        series={lines.map((l, i) => ({ label: l.label, color: l.color, values: values[i] ?? [] }))}
        format={format}
      />
      <ChartTable
        caption={title}
        head={[tr('results.day'), ...lines.map((l) => l.label)]}
        rows={days.map((d, i) => [x[i] ?? d.day, ...values.map((v) => format(v[i] ?? 0))])}
      />
    </figure>
  );
}

export const RCS_COLOR = '#2563eb';
export const SMS_COLOR = '#0f766e';

/** RCS and SMS lines of one figure. */
export const byChannel = (pick: (c: DayPoint['rcs']) => number): TimeLine[] => [
  { label: tr('results.rcs'), color: RCS_COLOR, pick: (d) => pick(d.rcs) },
  { label: tr('results.sms'), color: SMS_COLOR, pick: (d) => pick(d.sms) },
];
