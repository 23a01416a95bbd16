/** Every figure, RCS and SMS side by side, with the rates that make them comparable. */
import type { SourceMetrics } from '../../../schemas/results';
import { fmtInt, fmtMoney, fmtPct, tr } from '../../lib/results-i18n';

const ROWS = ['sent', 'delivered', 'read', 'clicked', 'replied', 'unsubscribed', 'failed', 'conversions', 'revenue'] as const;

export function ChannelTable({ metrics, currency }: { metrics: SourceMetrics; currency: string | null }) {
  const { rcs, sms } = metrics.by_channel;
  const cell = (k: (typeof ROWS)[number], c: typeof rcs) => {
    if (k === 'revenue') return fmtMoney(c.revenue, currency);
    const rate = k === 'read' || k === 'clicked' || k === 'replied' || k === 'conversions' ? ` · ${fmtPct(c[k], c.delivered)}` : '';
    return `${fmtInt(c[k])}${rate}`;
  };
  return (
    <section class="results-section" aria-labelledby="by-channel">
      <h2 id="by-channel">{tr('results.byChannel')}</h2>
      <p class="field-help">{tr('results.byChannel.help')}</p>
      <table class="table channel-table" data-testid="by-channel">
        <thead>
          <tr>
            <th scope="col">{tr('results.metric')}</th>
            <th scope="col" class="rcs">
              {tr('results.rcs')}
            </th>
            <th scope="col" class="sms">
              {tr('results.sms')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((k) => (
            <tr key={k}>
              <th scope="row">{tr(`results.${k}`)}</th>
              <td>{cell(k, rcs)}</td>
              <td>{cell(k, sms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
