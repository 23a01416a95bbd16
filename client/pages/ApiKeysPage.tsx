/** /api-keys (admin): create a key (shown once, never again) and revoke keys. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import { fullTime, t } from '../lib/i18n';
import { AdminFrame } from '../components/AdminFrame';

interface ApiKey {
  id: string;
  name: string;
  created_at?: string;
  prefix?: string;
}

export default function ApiKeysPage() {
  const keys = useSignal<ApiKey[]>([]);
  const forbidden = useSignal(false);
  const name = useSignal('');
  const fresh = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const load = () =>
    api<ApiKey[]>('GET', '/api/api-keys')
      .then((k) => (keys.value = k))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 403) forbidden.value = true;
      });
  useEffect(() => void load(), []);
  const create = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      const r = await api<{ id: string; key: string }>('POST', '/api/api-keys', { name: name.value.trim() });
      fresh.value = r.key;
      name.value = '';
      await load();
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : t('common.error');
    }
  };
  const revoke = async (id: string) => {
    try {
      await api('DELETE', `/api/api-keys/${encodeURIComponent(id)}`);
      await load();
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : t('common.error');
    }
  };
  return (
    <AdminFrame title={t('keys.title')} forbidden={forbidden.value}>
      {fresh.value && (
        <div class="key-once" role="status">
          <p>{t('keys.once')}</p>
          <code>{fresh.value}</code>
        </div>
      )}
      <table class="table">
        <thead>
          <tr>
            <th>{t('keys.name')}</th>
            <th>{t('keys.created')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.value.map((k) => (
            <tr key={k.id}>
              <td>
                {k.name} {k.prefix && <code class="muted">{k.prefix}…</code>}
              </td>
              <td>{k.created_at ? fullTime(k.created_at) : '—'}</td>
              <td class="right">
                <button type="button" class="link-btn danger" onClick={() => void revoke(k.id)}>
                  {t('keys.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline-form" onSubmit={create}>
        <input
          aria-label={t('keys.name')}
          placeholder={t('keys.name')}
          required
          value={name.value}
          onInput={(e) => (name.value = e.currentTarget.value)}
        />
        <button class="btn btn-primary" type="submit">
          {t('keys.create')}
        </button>
      </form>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
    </AdminFrame>
  );
}
