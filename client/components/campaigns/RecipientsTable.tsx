/** A page of a campaign's recipients with their outcome, and more on demand. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type RecipientView, RecipientPageSchema } from '../../../schemas/campaign-view';
import { call, qs } from '../../lib/api';
import { type CampaignKey, tc } from '../../lib/campaigns-i18n';

export function RecipientsTable({ id, version }: { id: string; version: number }) {
  const rows = useSignal<RecipientView[]>([]);
  const next = useSignal<string | null>(null);
  const load = async (cursor: string | null) => {
    const page = await call(RecipientPageSchema, 'GET', `/api/campaigns/${encodeURIComponent(id)}/recipients${qs({ limit: 50, cursor })}`);
    rows.value = cursor ? [...rows.value, ...page.recipients] : page.recipients;
    next.value = page.next_cursor;
  };
  // Refreshed with the campaign while it runs (first page only: the list is in phone order).
  useEffect(() => void load(null).catch(() => {}), [id, version]);
  return (
    <section aria-labelledby="recipients-title">
      <h2 id="recipients-title">{tc('d.recipients')}</h2>
      <table class="table recipients-table">
        <thead>
          <tr>
            <th>{tc('d.phone')}</th>
            <th>{tc('d.outcome')}</th>
            <th>{tc('d.reason')}</th>
            <th>{tc('d.channel')}</th>
            <th>{tc('d.variant')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.value.map((r) => (
            <tr key={r.phone} data-outcome={r.outcome}>
              <td>{r.phone}</td>
              <td>{tc(`o.${r.outcome}` as CampaignKey)}</td>
              <td class="muted small">{r.reason ?? (r.held_until ? new Date(r.held_until).toLocaleString() : '')}</td>
              <td>{r.channel?.toUpperCase() ?? ''}</td>
              <td>{r.variant.toUpperCase()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next.value && (
        <button type="button" class="btn btn-small" onClick={() => void load(next.value)}>
          {tc('c.more')}
        </button>
      )}
    </section>
  );
}
