/** The headline figures of a period or a source. */
import type { SourceMetrics } from '../../../schemas/results';
import { fmtInt, fmtMoney, fmtPct, tr } from '../../lib/results-i18n';

export function KpiTiles({ metrics, currency }: { metrics: SourceMetrics; currency: string | null }) {
  const tiles = [
    { key: 'sent', value: fmtInt(metrics.sent), note: null },
    { key: 'delivered', value: fmtInt(metrics.delivered), note: fmtPct(metrics.delivered, metrics.sent) },
    { key: 'clicked', value: fmtInt(metrics.clicked), note: tr('results.rate', { rate: fmtPct(metrics.clicked, metrics.delivered) }) },
    { key: 'conversions', value: fmtInt(metrics.conversions), note: null },
    { key: 'revenue', value: fmtMoney(metrics.revenue, currency), note: null },
  ] as const;
  return (
    <dl class="kpis" data-testid="kpis">
      {tiles.map((t) => (
        <div class={`kpi kpi-${t.key}`} key={t.key}>
          <dt>{tr(`results.${t.key}`)}</dt>
          <dd>
            <span class="kpi-value">{t.value}</span>
            {t.note && <span class="kpi-note">{t.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
