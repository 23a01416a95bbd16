/**
 * /canned-responses: the team's saved replies. Everyone sees them (agents insert them with
 * `/shortcut` in the composer); admins add, edit and delete them (the server enforces it).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type CannedResponse, type CannedResponseInput, CannedResponseSchema } from '../../schemas/canned-responses';
import { ApiError, api, call } from '../lib/api';
import { isAdmin } from '../lib/auth-state';
import { t } from '../lib/i18n';
import { ta } from '../lib/admin-i18n';
import { canned, refreshCanned } from '../state/directory';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { Modal } from '../components/Modal';
import { CannedForm } from '../components/admin/CannedForm';

const path = (c: CannedResponse) => `/api/canned-responses/${encodeURIComponent(c.id)}`;

export default function CannedResponsesPage() {
  const error = useSignal<string | null>(null);
  const editing = useSignal<CannedResponse | null>(null);
  const confirm = useSignal<ConfirmRequest | null>(null);
  const admin = isAdmin.value;
  const load = () => refreshCanned(true).catch((e: unknown) => (error.value = e instanceof ApiError ? e.message : t('common.error')));
  useEffect(() => void load(), []);

  const create = async (input: CannedResponseInput) => {
    await call(CannedResponseSchema, 'POST', '/api/canned-responses', input);
    await load();
  };
  const update = async (c: CannedResponse, input: CannedResponseInput) => {
    await call(CannedResponseSchema, 'PATCH', path(c), input);
    editing.value = null;
    await load();
  };
  const remove = (c: CannedResponse) =>
    (confirm.value = {
      title: ta('canned.deleteConfirm', { shortcut: c.shortcut }),
      body: ta('canned.deleteBody'),
      confirm: ta('canned.delete'),
      run: async () => {
        await api('DELETE', path(c));
        await load();
      },
    });

  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{ta('canned.title')}</h1>
      </header>
      <div class="admin-body">
        <p class="page-intro">{ta('canned.intro')}</p>
        {!admin && <p class="muted">{ta('canned.readOnly')}</p>}
        {error.value && (
          <p class="form-error" role="alert">
            {error.value}
          </p>
        )}
        {canned.value.length === 0 ? (
          <p class="empty-note">{ta('canned.empty')}</p>
        ) : (
          <table class="table canned-table">
            <thead>
              <tr>
                <th>{ta('canned.shortcut')}</th>
                <th>{ta('canned.titleField')}</th>
                <th>{ta('canned.text')}</th>
                {admin && <th />}
              </tr>
            </thead>
            <tbody>
              {canned.value.map((c) => (
                <tr key={c.id}>
                  <td>
                    <code class="canned-shortcut">/{c.shortcut}</code>
                  </td>
                  <td>{c.title}</td>
                  <td class="canned-body">{c.text}</td>
                  {admin && (
                    <td class="right row-actions">
                      <button type="button" class="link-btn" onClick={() => (editing.value = c)}>
                        {ta('canned.edit')}
                      </button>
                      <button type="button" class="link-btn danger" onClick={() => remove(c)}>
                        {ta('canned.delete')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {admin && (
          <section class="admin-card">
            <h2>{ta('canned.add')}</h2>
            <CannedForm submitLabel={ta('canned.create')} onSubmit={create} />
          </section>
        )}
      </div>
      {editing.value && (
        <Modal title={ta('canned.editTitle', { shortcut: editing.value.shortcut })} onClose={() => (editing.value = null)} wide>
          <CannedForm
            initial={editing.value}
            submitLabel={ta('canned.save')}
            onCancel={() => (editing.value = null)}
            onSubmit={(input) => (editing.value ? update(editing.value, input) : Promise.resolve())}
          />
        </Modal>
      )}
      {confirm.value && <ConfirmDialog request={confirm.value} onDone={() => (confirm.value = null)} />}
    </div>
  );
}
