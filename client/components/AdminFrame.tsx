/** Layout for the simple admin pages; a 403 from the server becomes a plain "no access" page. */
import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n';

export function AdminFrame({ title, forbidden, children }: { title: string; forbidden: boolean; children: ComponentChildren }) {
  return (
    <div class="admin">
      <header class="pane-head">
        <h1>{title}</h1>
      </header>
      <div class="admin-body">
        {forbidden ? (
          <p class="form-error" role="alert">
            {t('admin.forbidden')}
          </p>
        ) : (
          children
        )}
      </div>
    </div>
  );
}
