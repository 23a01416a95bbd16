/** Adds an account: name, email, role and a first password (the server's minimum, shown here). */
import { useSignal } from '@preact/signals';
import {
  ConsoleUserSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  type UserCreate,
  USER_NAME_MAX_LENGTH,
} from '../../../schemas/users';
import { ApiError, call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { ta } from '../../lib/admin-i18n';

const EMPTY: UserCreate = { name: '', email: '', role: 'agent', password: '' };

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const form = useSignal<UserCreate>(EMPTY);
  const error = useSignal<string | null>(null);
  const set = (k: keyof UserCreate, value: string) => (form.value = { ...form.value, [k]: value });
  const create = async (e: Event) => {
    e.preventDefault();
    error.value = null;
    try {
      await call(ConsoleUserSchema, 'POST', '/api/users', form.value);
      form.value = EMPTY;
      onCreated();
    } catch (err) {
      error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    }
  };
  return (
    <form class="admin-card" onSubmit={create}>
      <h2>{ta('users.add')}</h2>
      <div class="inline-form">
        <input
          aria-label={ta('users.name')}
          placeholder={ta('users.name')}
          required
          maxLength={USER_NAME_MAX_LENGTH}
          value={form.value.name}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
        <input
          aria-label={ta('users.email')}
          placeholder={ta('users.email')}
          type="email"
          required
          value={form.value.email}
          onInput={(e) => set('email', e.currentTarget.value)}
        />
        <select aria-label={ta('users.role')} value={form.value.role} onChange={(e) => set('role', e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={ta('users.password')}
          placeholder={ta('users.password')}
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          aria-describedby="new-user-password-hint"
          value={form.value.password}
          onInput={(e) => set('password', e.currentTarget.value)}
        />
        <button class="btn btn-primary" type="submit">
          {ta('users.create')}
        </button>
      </div>
      <small class="field-help" id="new-user-password-hint">
        {ta('users.passwordRule', { n: PASSWORD_MIN_LENGTH })}
      </small>
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
    </form>
  );
}
