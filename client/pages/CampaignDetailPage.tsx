/**
 * /campaigns/:id: a campaign's live progress (bar, counts per outcome, expected finish, a
 * carrier's pause), cancel for marketers and admins, the per-recipient list and its CSV export,
 * and once it has sent, its results (funnel, outcomes over time, RCS vs SMS, orders and revenue).
 * Polled every two seconds while it is scheduled or sending. The report and its charts are a
 * chunk of their own, fetched when the report first shows.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Campaign, CampaignSchema } from '../../schemas/campaign-view';
import { ApiError, api, call } from '../lib/api';
import { canSendCampaigns } from '../lib/auth-state';
import { type CampaignKey, tc } from '../lib/campaigns-i18n';
import { fullTime, t } from '../lib/i18n';
import { lazy } from '../lib/lazy';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { CountsGrid } from '../components/campaigns/CountsGrid';
import { downloadCsv } from '../components/campaigns/csv';
import { ProgressBar } from '../components/campaigns/ProgressBar';
import { RecipientsTable } from '../components/campaigns/RecipientsTable';

const POLL_MS = 2000;
const SourceReport = lazy<{ sourceId: string }>(() =>
  import('../components/results/SourceReport').then((m) => ({ default: m.SourceReport })),
);

export default function CampaignDetailPage({ id }: { id: string }) {
  const c = useSignal<Campaign | null>(null);
  const error = useSignal<string | null>(null);
  const version = useSignal(0);
  const confirm = useSignal<ConfirmRequest | null>(null);
  const path = `/api/campaigns/${encodeURIComponent(id)}`;

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        c.value = await call(CampaignSchema, 'GET', path);
        version.value++;
      } catch (e) {
        error.value = e instanceof ApiError ? e.message : t('common.error');
      }
      const live = c.value?.status === 'sending' || c.value?.status === 'scheduled';
      if (!stop && live) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id]);

  const v = c.value;
  const cancel = () =>
    (confirm.value = {
      title: tc('d.cancelConfirm'),
      body: tc('d.cancelBody'),
      confirm: tc('d.cancel'),
      run: async () => {
        await api('POST', `${path}/cancel`);
        c.value = await call(CampaignSchema, 'GET', path);
      },
    });
  const pace = v ? Math.min(...[v.pace.rcs, v.pace.sms].filter((r) => r > 0)) : 0;

  return (
    <div class="admin">
      <header class="pane-head">
        <a href="/campaigns" class="btn btn-ghost btn-small">
          {tc('d.back')}
        </a>
        <h1>{v?.name ?? ''}</h1>
      </header>
      <div class="admin-body campaign-detail">
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {v && (
          <>
            <p class="campaign-status" data-testid="campaign-status">
              {tc(`c.status.${v.status}` as CampaignKey)}
              {v.status === 'scheduled' && v.send_at && ` · ${tc('d.scheduledFor', { time: fullTime(v.send_at) })}`}
            </p>
            <ProgressBar done={v.counts.recipients - v.counts.held} total={v.audience} />
            <p class="muted small" aria-live="polite">
              {tc('d.progress', { done: v.counts.recipients - v.counts.held, total: v.audience })}
              {v.expected_finish_at && ` · ${tc('d.expected', { time: fullTime(v.expected_finish_at) })}`}
              {Number.isFinite(pace) && pace > 0 && ` · ${tc('d.pace', { rate: pace })}`}
            </p>
            {v.paused_until && <p role="status">{tc('d.paused', { time: fullTime(v.paused_until) })}</p>}
            <CountsGrid counts={v.counts} />
            <div class="campaign-actions">
              {canSendCampaigns.value && (v.status === 'sending' || v.status === 'scheduled') && (
                <button type="button" class="btn" onClick={cancel}>
                  {tc('d.cancel')}
                </button>
              )}
              <button type="button" class="btn" onClick={() => void downloadCsv(id)}>
                {tc('d.csv')}
              </button>
            </div>
            <RecipientsTable id={id} version={version.value} />
            {v.status !== 'scheduled' && (
              <section class="campaign-results" aria-labelledby="campaign-results-title">
                <h2 id="campaign-results-title">{tc('d.results')}</h2>
                <SourceReport sourceId={id} />
              </section>
            )}
          </>
        )}
      </div>
      {confirm.value && <ConfirmDialog request={confirm.value} onDone={() => (confirm.value = null)} />}
    </div>
  );
}
