/**
 * One account in the users table. An active account: change its role, reset its password,
 * remove it (after a confirmation). A removed one shows as removed and can only be restored.
 * The signed-in admin cannot remove or demote themselves here.
 */
import { type ConsoleUser, ROLES, type Role } from '../../../schemas/users';
import { t } from '../../lib/i18n';
import { ta } from '../../lib/admin-i18n';

export interface UserActions {
  setRole: (u: ConsoleUser, role: Role) => void;
  resetPassword: (u: ConsoleUser) => void;
  remove: (u: ConsoleUser) => void;
  restore: (u: ConsoleUser) => void;
}

export function UserRow({ user: u, self, actions }: { user: ConsoleUser; self: boolean; actions: UserActions }) {
  return (
    <tr class={u.disabled ? 'row-disabled' : undefined}>
      <td>
        {u.name} {self && <span class="muted">({ta('users.you')})</span>}
      </td>
      <td>{u.email}</td>
      <td>
        {u.disabled || self ? (
          <span class="role-pill">{t(`role.${u.role}`)}</span>
        ) : (
          <select
            class="select-small"
            aria-label={`${ta('users.role')}: ${u.name}`}
            value={u.role}
            onChange={(e) => actions.setRole(u, e.currentTarget.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        {u.disabled ? (
          <span class="status-pill status-off">{ta('users.disabled')}</span>
        ) : (
          <span class="status-pill status-on">{ta('users.active')}</span>
        )}
      </td>
      <td class="right row-actions">
        {u.disabled ? (
          <button type="button" class="link-btn" onClick={() => actions.restore(u)}>
            {ta('users.restore')}
          </button>
        ) : (
          <>
            <button type="button" class="link-btn" onClick={() => actions.resetPassword(u)}>
              {ta('users.resetPassword')}
            </button>
            {!self && (
              <button type="button" class="link-btn danger" onClick={() => actions.remove(u)}>
                {ta('users.delete')}
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
