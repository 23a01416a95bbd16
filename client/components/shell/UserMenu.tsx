/** The avatar at the bottom of the rail: who I am, my role, language, shortcuts, sign out. */
import { user } from '../../lib/auth-state';
import { type Key, t } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { signOut } from '../../lib/session';
import { type Prefs, prefs, setPref } from '../../state/prefs';
import { showHelp } from '../../state/ui';
import { Icon } from '../Icon';
import { useMenu } from '../useMenu';
import { LangSwitch } from './LangSwitch';

export function initials(name: string): string {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function PrefItem({ k, label }: { k: keyof Prefs; label: Key }) {
  return (
    <button
      type="button"
      role="menuitemcheckbox"
      aria-checked={prefs.value[k]}
      class="menu-check"
      onClick={() => setPref(k, !prefs.value[k])}
    >
      <span class="check-box" aria-hidden="true">
        {prefs.value[k] && <Icon name="check" size={12} />}
      </span>
      {t(label)}
    </button>
  );
}

export function UserMenu() {
  const menu = useMenu();
  const u = user.value;
  if (!u) return null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys of the menu's items (focusable buttons) bubble here.
    <div class="user-menu" ref={menu.root} onKeyDown={menu.onKeyDown}>
      <button
        type="button"
        class="avatar avatar-btn"
        ref={menu.button}
        {...menu.buttonProps}
        aria-label={`${initials(u.name || u.email)} · ${u.name || u.email}`}
        onClick={menu.toggle}
      >
        {initials(u.name || u.email)}
      </button>
      {menu.open && (
        <div class="menu">
          <div class="menu-head">
            <strong>{u.name}</strong>
            <span class="muted">{u.email}</span>
            <span class="role-pill">{t(`role.${u.role}`)}</span>
          </div>
          <div class="menu-row">
            <span>{t('menu.language')}</span>
            <LangSwitch />
          </div>
          <div role="menu" id={menu.menuId} aria-label={u.name || u.email}>
            <PrefItem k="nextAfterResolve" label="prefs.nextAfterResolve" />
            <PrefItem k="singleKeys" label="prefs.singleKeys" />
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={() => {
                menu.close();
                showHelp.value = true;
              }}
            >
              {t('menu.shortcuts')}
              <kbd>?</kbd>
            </button>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={async () => {
                menu.close();
                await signOut();
                navigate('/login', true);
              }}
            >
              {t('menu.signOut')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
