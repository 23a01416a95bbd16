/**
 * /flows: the built-in flows (order confirmation, shipping update, back in stock, abandoned
 * checkout), each with its trigger, on/off switch, figures (from the results of `flow_<key>`)
 * and its content, edited with the card builder; each row opens the flow's full report (funnel,
 * outcomes over time, RCS vs SMS, orders and revenue), a chunk fetched on first opening. Admins
 * and marketers change them; the server enforces it. Loaded on first visit only.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import * as v from 'valibot';
import type { Content } from '../../schemas/content';
import { type FlowView, FlowViewSchema } from '../../schemas/flows';
import { ApiError, call } from '../lib/api';
import { user } from '../lib/auth-state';
import { ta } from '../lib/admin-i18n';
import { t } from '../lib/i18n';
import { lazy } from '../lib/lazy';
import { Modal } from '../components/Modal';
import { FlowEditor } from '../components/flows/FlowEditor';

const FlowList = v.array(FlowViewSchema);
const SourceReport = lazy<{ sourceId: string }>(() =>
  import('../components/results/SourceReport').then((m) => ({ default: m.SourceReport })),
);

export default function FlowsPage() {
  const flows = useSignal<FlowView[]>([]);
  const error = useSignal<string | null>(null);
  const editing = useSignal<FlowView | null>(null);
  const open = useSignal<string | null>(null);
  const editor = user.value?.role === 'admin' || user.value?.role === 'marketer';
  const fail = (e: unknown) => (error.value = e instanceof ApiError ? e.message : t('common.error'));
  const load = () =>
    call(FlowList, 'GET', '/api/flows')
      .then((list) => (flows.value = list))
      .catch(fail);
  useEffect(() => void load(), []);

  const put = async (f: FlowView, patch: { enabled?: boolean; content?: Content; delay_minutes?: number }) => {
    const next = await call(FlowViewSchema, 'PUT', `/api/flows/${f.key}`, patch);
    flows.value = flows.value.map((x) => (x.key === next.key ? next : x));
  };

  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{ta('flows.title')}</h1>
      </header>
      <div class="admin-body">
        <p class="page-intro">{ta('flows.intro')}</p>
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        <table class="table flows-table">
          <thead>
            <tr>
              <th>{ta('flows.name')}</th>
              <th>{ta('flows.trigger')}</th>
              <th>{ta('flows.on')}</th>
              <th class="right">{ta('flows.sent')}</th>
              <th class="right">{ta('flows.delivered')}</th>
              <th class="right">{ta('flows.clicked')}</th>
              <th class="right">{ta('flows.revenue')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {flows.value.map((f) => [
              <tr key={f.key} data-flow={f.key}>
                <td>
                  {ta(`flows.key.${f.key}`)}
                  <div class="muted">{ta(f.purpose === 'marketing' ? 'flows.marketing' : 'flows.transactional')}</div>
                </td>
                <td>
                  <code>{f.trigger}</code>
                  {f.delay_minutes !== null && <div class="muted">{ta('flows.after', { n: f.delay_minutes })}</div>}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={ta('flows.toggle', { name: ta(`flows.key.${f.key}`) })}
                    checked={f.enabled}
                    disabled={!editor}
                    onChange={(e) => put(f, { enabled: e.currentTarget.checked }).catch(fail)}
                  />
                </td>
                <td class="right">{f.metrics.sent}</td>
                <td class="right">{f.metrics.delivered}</td>
                <td class="right">{f.metrics.clicked}</td>
                <td class="right">{f.metrics.revenue.toFixed(2)}</td>
                <td class="right row-actions">
                  <button
                    type="button"
                    class="link-btn"
                    aria-expanded={open.value === f.key}
                    aria-controls={`flow-report-${f.key}`}
                    onClick={() => (open.value = open.value === f.key ? null : f.key)}
                  >
                    {ta('flows.report')}
                  </button>
                  {editor && (
                    <button type="button" class="link-btn" onClick={() => (editing.value = f)}>
                      {ta('flows.edit')}
                    </button>
                  )}
                </td>
              </tr>,
              open.value === f.key && (
                <tr key={`${f.key}-report`} class="flow-report-row">
                  <td colSpan={8} id={`flow-report-${f.key}`}>
                    <a class="link-btn" href={`/results/flow_${f.key}`}>
                      {ta('flows.reportPage')}
                    </a>
                    <SourceReport sourceId={`flow_${f.key}`} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </div>
      {editing.value && (
        <Modal title={ta('flows.editTitle', { name: ta(`flows.key.${editing.value.key}`) })} onClose={() => (editing.value = null)} wide>
          <FlowEditor
            flow={editing.value}
            onCancel={() => (editing.value = null)}
            onSave={async (patch) => {
              if (editing.value) await put(editing.value, patch);
              editing.value = null;
            }}
          />
        </Modal>
      )}
    </div>
  );
}
