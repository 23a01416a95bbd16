/** A small accessible dialog: labelled, closes on Escape or backdrop click, focus moves inside. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { Icon } from './Icon';

export function Modal({
  title,
  onClose,
  children,
  wide,
  alert,
  describedBy,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
  /** An `alertdialog`: a question that interrupts (confirming a destructive action). */
  alert?: boolean;
  /** Id of the element that says what the dialog asks. */
  describedBy?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Layout effect: focus moves in before the first paint, so nothing typed right after the
  // dialog appears lands in another field; and never away from a field already chosen.
  useLayoutEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, textarea, select, button:not(.modal-close)');
    if (!ref.current?.contains(document.activeElement)) (first ?? ref.current)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    addEventListener('keydown', onKey, true);
    return () => {
      removeEventListener('keydown', onKey, true);
      prev?.focus?.();
    };
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut only; Escape and the close button do the same from the keyboard.
    <div class="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is "dialog" or "alertdialog", both modal and both take aria-modal. */}
      <div
        class={wide ? 'modal modal-wide' : 'modal'}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-label={title}
        aria-describedby={describedBy}
        ref={ref}
        tabIndex={-1}
      >
        <header class="modal-head">
          <h2>{title}</h2>
          <button type="button" class="icon-btn modal-close" aria-label={t('common.close')} onClick={onClose}>
            <Icon name="x" />
          </button>
        </header>
        <div class="modal-body">{children}</div>
      </div>
    </div>
  );
}
