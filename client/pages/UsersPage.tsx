/**
 * /users (admin): who can sign in, with which role. Add accounts, change a role, set a new
 * password, remove (disable) and restore. The list is the console's shared user directory, so
 * a removed user also leaves the assignee pickers at once.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type ConsoleUser, ConsoleUserSchema, type Role } from '../../schemas/users';
import { ApiError, api, call } from '../lib/api';
import { user as me } from '../lib/auth-state';
import { t } from '../lib/i18n';
import { ta } from '../lib/admin-i18n';
import { refreshUsers, users } from '../state/directory';
import { AdminFrame } from '../components/AdminFrame';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { NewUserForm } from '../components/admin/NewUserForm';
import { ResetPasswordDialog } from '../components/admin/ResetPasswordDialog';
import { type UserActions, UserRow } from '../components/admin/UserRow';

const userPath = (u: ConsoleUser) => `/api/users/${encodeURIComponent(u.id)}`;

export default function UsersPage() {
  const forbidden = useSignal(false);
  const error = useSignal<string | null>(null);
  const note = useSignal<string | null>(null);
  const confirm = useSignal<ConfirmRequest | null>(null);
  const resetting = useSignal<ConsoleUser | null>(null);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 403) forbidden.value = true;
    error.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
  };
  const load = () => refreshUsers().catch(fail);
  useEffect(() => void load(), []);

  const patch = async (u: ConsoleUser, body: { role?: Role; disabled?: boolean }, done: string | null) => {
    error.value = null;
    note.value = null;
    try {
      await call(ConsoleUserSchema, 'PATCH', userPath(u), body);
      note.value = done;
    } catch (err) {
      fail(err);
    }
    await load();
  };

  const actions: UserActions = {
    setRole: (u, role) => void patch(u, { role }, ta('users.roleDone', { name: u.name, role: t(`role.${role}`) })),
    restore: (u) => void patch(u, { disabled: false }, null),
    resetPassword: (u) => (resetting.value = u),
    remove: (u) =>
      (confirm.value = {
        title: ta('users.removeConfirm', { name: u.name }),
        body: ta('users.removeBody', { name: u.name }),
        confirm: ta('users.delete'),
        run: async () => {
          await api('DELETE', userPath(u));
          note.value = ta('users.removeDone', { name: u.name });
          await load();
        },
      }),
  };

  return (
    <AdminFrame title={ta('users.title')} forbidden={forbidden.value}>
      {note.value && (
        <p class="form-note" role="status">
          {note.value}
        </p>
      )}
      {error.value && (
        <p class="form-error" role="alert">
          {error.value}
        </p>
      )}
      <table class="table">
        <thead>
          <tr>
            <th>{ta('users.name')}</th>
            <th>{ta('users.email')}</th>
            <th>{ta('users.role')}</th>
            <th>{ta('users.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.value.map((u) => (
            <UserRow key={u.id} user={u} self={u.id === me.value?.id} actions={actions} />
          ))}
        </tbody>
      </table>
      <NewUserForm onCreated={() => void load()} />
      {confirm.value && <ConfirmDialog request={confirm.value} onDone={() => (confirm.value = null)} />}
      {resetting.value && (
        <ResetPasswordDialog
          user={resetting.value}
          onClose={() => (resetting.value = null)}
          onDone={() => {
            note.value = ta('users.resetDone', { name: resetting.value?.name ?? '' });
            resetting.value = null;
          }}
        />
      )}
    </AdminFrame>
  );
}
