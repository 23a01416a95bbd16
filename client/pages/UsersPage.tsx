/** /users (admin): who can sign in, with which role; add and remove accounts. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import { user as me, type Role, type User } from '../lib/auth-state';
import { t } from '../lib/i18n';
import { AdminFrame } from '../components/AdminFrame';

export default function UsersPage() {
  const list = useSignal<User[]>([]);
  const forbidden = useSignal(false);
  const error = useSignal<string | null>(null);
  const form = useSignal({ name: '', email: '', role: 'agent' as Role, password: '' });
  const load = () =>
    api<User[]>('GET', '/api/users')
      .then((u) => (list.value = u))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 403) forbidden.value = true;
      });
  useEffect(() => void load(), []);
  const set = (k: keyof typeof form.value, v: string) => (form.value = { ...form.value, [k]: v });
  const create = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      await api('POST', '/api/users', form.value);
      form.value = { name: '', email: '', role: 'agent', password: '' };
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) forbidden.value = true;
      error.value = err instanceof ApiError ? err.message : t('common.error');
    }
  };
  const remove = async (id: string) => {
    try {
      await api('DELETE', `/api/users/${encodeURIComponent(id)}`);
      await load();
    } catch (err) {
      error.value = err instanceof ApiError ? err.message : t('common.error');
    }
  };
  return (
    <AdminFrame title={t('users.title')} forbidden={forbidden.value}>
      <table class="table">
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.email')}</th>
            <th>{t('users.role')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.value.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <span class="role-pill">{t(`role.${u.role}`)}</span>
              </td>
              <td class="right">
                {u.id !== me.value?.id && (
                  <button type="button" class="link-btn danger" onClick={() => void remove(u.id)}>
                    {t('users.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline-form" onSubmit={create}>
        <input
          aria-label={t('users.name')}
          placeholder={t('users.name')}
          required
          value={form.value.name}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
        <input
          aria-label={t('users.email')}
          placeholder={t('users.email')}
          type="email"
          required
          value={form.value.email}
          onInput={(e) => set('email', e.currentTarget.value)}
        />
        <select aria-label={t('users.role')} value={form.value.role} onChange={(e) => set('role', e.currentTarget.value)}>
          <option value="agent">{t('role.agent')}</option>
          <option value="marketer">{t('role.marketer')}</option>
          <option value="admin">{t('role.admin')}</option>
        </select>
        <input
          aria-label={t('users.password')}
          placeholder={t('users.password')}
          type="password"
          required
          minLength={8}
          value={form.value.password}
          onInput={(e) => set('password', e.currentTarget.value)}
        />
        <button class="btn btn-primary" type="submit">
          {t('users.create')}
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
