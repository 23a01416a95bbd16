/**
 * /api-keys (admin): create a key (shown once, with a copy button) and revoke keys after a
 * confirmation. Revoked keys stay listed as revoked, with no action left on them.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import * as v from 'valibot';
import { type ApiKey, ApiKeyCreatedSchema, ApiKeySchema } from '../../schemas/api-keys';
import { USER_NAME_MAX_LENGTH } from '../../schemas/users';
import { ApiError, api, call } from '../lib/api';
import { fullTime, t } from '../lib/i18n';
import { ta } from '../lib/admin-i18n';
import { AdminFrame } from '../components/AdminFrame';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { NewKeyNotice } from '../components/admin/NewKeyNotice';

const KeyList = v.array(ApiKeySchema);

export default function ApiKeysPage() {
  const keys = useSignal<ApiKey[]>([]);
  const forbidden = useSignal(false);
  const name = useSignal('');
  /** The key just created (its secret is shown this once), until it is revoked or the page left. */
  const fresh = useSignal<{ id: string; key: string } | null>(null);
  const error = useSignal<string | null>(null);
  const confirm = useSignal<ConfirmRequest | null>(null);
  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 403) forbidden.value = true;
    error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
  };
  const load = () =>
    call(KeyList, 'GET', '/api/api-keys')
      .then((k) => (keys.value = k))
      .catch(fail);
  useEffect(() => void load(), []);
  const create = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      const created = await call(ApiKeyCreatedSchema, 'POST', '/api/api-keys', { name: name.value.trim() });
      fresh.value = { id: created.id, key: created.key };
      name.value = '';
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const revoke = (k: ApiKey) =>
    (confirm.value = {
      title: ta('keys.revokeConfirm', { name: k.name }),
      body: ta('keys.revokeBody'),
      confirm: ta('keys.revoke'),
      run: async () => {
        await api('DELETE', `/api/api-keys/${encodeURIComponent(k.id)}`);
        if (fresh.value?.id === k.id) fresh.value = null;
        await load();
      },
    });
  return (
    <AdminFrame title={ta('keys.title')} forbidden={forbidden.value}>
      {fresh.value && <NewKeyNotice secret={fresh.value.key} />}
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <table class="table">
        <thead>
          <tr>
            <th>{ta('keys.name')}</th>
            <th>{ta('keys.created')}</th>
            <th>{ta('keys.lastUsed')}</th>
            <th>{ta('keys.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.value.map((k) => (
            <tr key={k.id} class={k.revoked_at ? 'row-disabled' : undefined}>
              <td>
                {k.name} <code class="muted">{k.id}</code>
              </td>
              <td>{fullTime(k.created_at)}</td>
              <td>{k.last_used_at ? fullTime(k.last_used_at) : ta('keys.never')}</td>
              <td>
                {k.revoked_at ? (
                  <span class="status-pill status-off">{ta('keys.revoked', { time: fullTime(k.revoked_at) })}</span>
                ) : (
                  <span class="status-pill status-on">{ta('keys.active')}</span>
                )}
              </td>
              <td class="right">
                {!k.revoked_at && (
                  <button type="button" class="link-btn danger" onClick={() => revoke(k)}>
                    {ta('keys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="admin-card" onSubmit={create}>
        <h2>{ta('keys.add')}</h2>
        <div class="inline-form">
          <input
            aria-label={ta('keys.name')}
            placeholder={ta('keys.name')}
            required
            maxLength={USER_NAME_MAX_LENGTH}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
          <button class="btn btn-primary" type="submit">
            {ta('keys.create')}
          </button>
        </div>
      </form>
      {confirm.value && <ConfirmDialog request={confirm.value} onDone={() => (confirm.value = null)} />}
    </AdminFrame>
  );
}
