/**
 * The toasts (state/toasts.ts), bottom left, announced politely. A toast stays while the
 * pointer or the keyboard is on it, so Undo can be reached without a race.
 */
import { t } from '../../lib/i18n';
import { dismissToast, holdToast, toasts } from '../../state/toasts';
import { Icon } from '../Icon';

export function Toaster() {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.value.map((x) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: hovering holds the toast; focus inside it does the same from the keyboard.
        <div
          key={x.id}
          class={x.error ? 'toast toast-error' : 'toast'}
          onMouseEnter={() => holdToast(x.id, true)}
          onMouseLeave={() => holdToast(x.id, false)}
          onFocusIn={() => holdToast(x.id, true)}
          onFocusOut={() => holdToast(x.id, false)}
        >
          <span class="toast-text">{x.text}</span>
          {x.undo && (
            <button
              type="button"
              class="link-btn toast-undo"
              onClick={() => {
                const undo = x.undo;
                dismissToast(x.id);
                void undo?.().catch(() => {});
              }}
            >
              {t('toast.undo')}
            </button>
          )}
          <button type="button" class="icon-btn" aria-label={t('toast.dismiss')} onClick={() => dismissToast(x.id)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
