/** The signed-in frame: a slim navigation rail (what the role can use) beside the page. */
import type { ComponentChildren } from 'preact';
import { canWrite, isAdmin, user } from '../../lib/auth-state';
import { t, type Key } from '../../lib/i18n';
import { path } from '../../lib/router';
import { connected, everConnected } from '../../state/live';
import { Icon, type IconName } from '../Icon';
import { UserMenu } from './UserMenu';
import { ShortcutHelp } from './ShortcutHelp';
import { Toaster } from './Toaster';
import '../../state/title';
import { showHelp } from '../../state/ui';

function NavItem({ href, icon, label }: { href: string; icon: IconName; label: Key }) {
  // "/" is the marketers' dashboard and everyone else's inbox (app.tsx).
  const home = user.value?.role === 'marketer' ? '/results' : '/inbox';
  const active = path.value === href || path.value.startsWith(`${href}/`) || (href === home && path.value === '/');
  return (
    <a class={active ? 'rail-item active' : 'rail-item'} href={href} aria-current={active ? 'page' : undefined} title={t(label)}>
      <Icon name={icon} size={20} />
      <span class="rail-label">{t(label)}</span>
    </a>
  );
}

export function Shell({ children }: { children: ComponentChildren }) {
  if (!user.value) return null;
  return (
    <div class="app">
      <nav class="rail" aria-label={t('nav.label')}>
        <div class="rail-logo" aria-hidden="true">
          R
        </div>
        <NavItem href="/inbox" icon="inbox" label="nav.inbox" />
        <NavItem href="/results" icon="chart" label="nav.results" />
        <NavItem href="/simulator" icon="phone" label="nav.simulator" />
        <NavItem href="/campaigns" icon="send" label="nav.campaigns" />
        {canWrite.value && <NavItem href="/canned-responses" icon="canned" label="nav.canned" />}
        <NavItem href="/segments" icon="segments" label="nav.segments" />
        {(isAdmin.value || user.value.role === 'marketer') && <NavItem href="/flows" icon="flows" label="nav.flows" />}
        {isAdmin.value && (
          <>
            <div class="rail-sep" />
            <NavItem href="/users" icon="users" label="nav.users" />
            <NavItem href="/settings" icon="settings" label="nav.settings" />
            <NavItem href="/api-keys" icon="key" label="nav.apiKeys" />
          </>
        )}
        <div class="rail-spacer" />
        <UserMenu />
      </nav>
      <main class="page">
        {everConnected.value && !connected.value && (
          <div class="banner-offline" role="status">
            {t('live.offline')}
          </div>
        )}
        {children}
      </main>
      {showHelp.value && <ShortcutHelp />}
      <Toaster />
    </div>
  );
}
