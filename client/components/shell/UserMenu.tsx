/** The avatar at the bottom of the rail: who I am, my role, language, shortcuts, sign out. */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { user } from '../../lib/auth-state';
import { t } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { signOut } from '../../lib/session';
import { showHelp } from '../../state/ui';
import { LangSwitch } from './LangSwitch';

export function initials(name: string): string {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const open = useSignal(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) open.value = false;
    };
    addEventListener('mousedown', close);
    return () => removeEventListener('mousedown', close);
  }, []);
  const u = user.value;
  if (!u) return null;
  return (
    <div class="user-menu" ref={ref}>
      <button
        type="button"
        class="avatar avatar-btn"
        aria-haspopup="menu"
        aria-expanded={open.value}
        aria-label={u.name || u.email}
        onClick={() => (open.value = !open.value)}
      >
        {initials(u.name || u.email)}
      </button>
      {open.value && (
        <div class="menu" role="menu">
          <div class="menu-head">
            <strong>{u.name}</strong>
            <span class="muted">{u.email}</span>
            <span class="role-pill">{t(`role.${u.role}`)}</span>
          </div>
          <div class="menu-row">
            <span>{t('menu.language')}</span>
            <LangSwitch />
          </div>
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            onClick={() => {
              open.value = false;
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
              open.value = false;
              await signOut();
              navigate('/login', true);
            }}
          >
            {t('menu.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
