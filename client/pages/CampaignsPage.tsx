/** /campaigns: every campaign, newest first, with its progress; marketers and admins start a new one. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type CampaignSummary, CampaignListSchema } from '../../schemas/campaign-view';
import { ApiError, call, qs } from '../lib/api';
import { canSendCampaigns } from '../lib/auth-state';
import { type CampaignKey, tc } from '../lib/campaigns-i18n';
import { fullTime, t } from '../lib/i18n';
import { ProgressBar } from '../components/campaigns/ProgressBar';

export default function CampaignsPage() {
  const rows = useSignal<CampaignSummary[]>([]);
  const next = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const load = async (cursor: string | null) => {
    try {
      const page = await call(CampaignListSchema, 'GET', `/api/campaigns${qs({ cursor, limit: 50 })}`);
      rows.value = cursor ? [...rows.value, ...page.campaigns] : page.campaigns;
      next.value = page.next_cursor;
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : t('common.error');
    }
  };
  useEffect(() => void load(null), []);
  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{tc('c.title')}</h1>
        {canSendCampaigns.value && (
          <a class="btn btn-primary" href="/campaigns/new">
            {tc('c.new')}
          </a>
        )}
      </header>
      <div class="admin-body">
        <p class="page-intro">{tc('c.intro')}</p>
        {!canSendCampaigns.value && <p class="muted">{tc('c.readOnly')}</p>}
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {rows.value.length === 0 ? (
          <p class="empty-note">{tc('c.empty')}</p>
        ) : (
          <table class="table campaigns-table">
            <thead>
              <tr>
                <th>{tc('c.name')}</th>
                <th>{tc('c.status')}</th>
                <th>{tc('c.progress')}</th>
                <th>{tc('c.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.value.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</a>
                  </td>
                  <td>{tc(`c.status.${c.status}` as CampaignKey)}</td>
                  <td>
                    <ProgressBar done={c.counts.recipients - c.counts.held} total={c.audience} label={`${tc('c.progress')}: ${c.name}`} />
                  </td>
                  <td>{fullTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {next.value && (
          <button type="button" class="btn btn-small" onClick={() => void load(next.value)}>
            {tc('c.more')}
          </button>
        )}
      </div>
    </div>
  );
}
