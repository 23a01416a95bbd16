/**
 * /results (and the home page of marketers): the last 30 days of every campaign and flow:
 * messages, clicks and attributed revenue, RCS and SMS side by side, over time, and the
 * sources that earned most (each opens its report). Marketers, admins and agents read it.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Overview, OverviewSchema } from '../../schemas/results';
import { ApiError, call } from '../lib/api';
import { fmtInt, fmtMoney, tr } from '../lib/results-i18n';
import { ChannelTable } from '../components/results/ChannelTable';
import { KpiTiles } from '../components/results/KpiTiles';
import { byChannel, TimeChart } from '../components/results/TimeChart';

const DAYS = 30;

export default function DashboardPage() {
  const data = useSignal<Overview | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    call(OverviewSchema, 'GET', `/api/results/overview?days=${DAYS}`)
      .then((o) => (data.value = o))
      .catch((e: unknown) => (error.value = e instanceof ApiError ? e.message : tr('results.error')));
  }, []);
  const o = data.value;
  const money = (n: number) => fmtMoney(n, o?.currency ?? null);
  return (
    <div class="results-page">
      <header class="pane-head">
        <h1>{tr('results.title')}</h1>
        <span class="muted results-period">{tr('results.last', { n: DAYS })}</span>
      </header>
      <div class="results-body">
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {!o && !error.value && <div class="page-loading" role="status" aria-busy="true" aria-label={tr('results.loading')} />}
        {o && o.totals.sent === 0 && o.totals.conversions === 0 && <p class="muted">{tr('results.empty')}</p>}
        {o && (
          <>
            <KpiTiles metrics={o.totals} currency={o.currency} />
            <div class="results-grid">
              <TimeChart
                title={tr('results.messagesOverTime')}
                days={o.series}
                lines={byChannel((c) => c.sent)}
                format={fmtInt}
                testId="messages-over-time"
              />
              <TimeChart
                title={tr('results.revenueOverTime')}
                days={o.series}
                lines={byChannel((c) => c.revenue)}
                format={money}
                testId="revenue-over-time"
              />
            </div>
            <ChannelTable metrics={o.totals} currency={o.currency} />
            {o.sources.length > 0 && (
              <section class="results-section" aria-labelledby="sources">
                <h2 id="sources">{tr('results.sources')}</h2>
                <table class="table" data-testid="sources">
                  <thead>
                    <tr>
                      <th scope="col">{tr('results.source')}</th>
                      <th scope="col">{tr('results.sent')}</th>
                      <th scope="col">{tr('results.clicked')}</th>
                      <th scope="col">{tr('results.conversions')}</th>
                      <th scope="col">{tr('results.revenue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.sources.map((s) => (
                      <tr key={s.source_id}>
                        <th scope="row">
                          <a href={`/results/${encodeURIComponent(s.source_id)}`}>{s.source_id}</a>
                        </th>
                        <td>{fmtInt(s.sent)}</td>
                        <td>{fmtInt(s.clicked)}</td>
                        <td>{fmtInt(s.conversions)}</td>
                        <td>{money(s.revenue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </>
        )}
      </div>
    </div>
  );
}
