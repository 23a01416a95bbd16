/**
 * Layout for the simple admin pages. Non-admins see a plain "no access" page (the server
 * refuses them anyway with 403, which also lands here).
 */
import type { ComponentChildren } from 'preact';
import { isAdmin } from '../lib/auth-state';
import { ta } from '../lib/admin-i18n';

export function AdminFrame({ title, forbidden, children }: { title: string; forbidden: boolean; children: ComponentChildren }) {
  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{title}</h1>
      </header>
      <div class="admin-body">
        {forbidden || !isAdmin.value ? (
          <p class="form-error" role="alert">
            {ta('admin.forbidden')}
          </p>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
