/**
 * One account in the users table. An active account: change its role, reset its password,
 * remove it (after a confirmation). A removed one shows as removed and can only be restored.
 * The signed-in admin cannot remove or demote themselves here.
 */
import { type ConsoleUser, ROLES, type Role } from '../../../schemas/users';
import { t } from '../../lib/i18n';

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
        {u.name} {self && <span class="muted">({t('users.you')})</span>}
      </td>
      <td>{u.email}</td>
      <td>
        {u.disabled || self ? (
          <span class="role-pill">{t(`role.${u.role}`)}</span>
        ) : (
          <select
            class="select-small"
            aria-label={`${t('users.role')}: ${u.name}`}
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
          <span class="status-pill status-off">{t('users.disabled')}</span>
        ) : (
          <span class="status-pill status-on">{t('users.active')}</span>
        )}
      </td>
      <td class="right row-actions">
        {u.disabled ? (
          <button type="button" class="link-btn" onClick={() => actions.restore(u)}>
            {t('users.restore')}
          </button>
        ) : (
          <>
            <button type="button" class="link-btn" onClick={() => actions.resetPassword(u)}>
              {t('users.resetPassword')}
            </button>
            {!self && (
              <button type="button" class="link-btn danger" onClick={() => actions.remove(u)}>
                {t('users.delete')}
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
