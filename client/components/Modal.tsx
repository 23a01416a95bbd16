/** A small accessible dialog: labelled, closes on Escape or backdrop click, focus moves inside and stays there. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';
import { Icon } from './Icon';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog (aria-modal): the page behind is out of reach. */
function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (!root.contains(active)) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && (active === first || active === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

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
      // Only the topmost dialog keeps the focus (a media library opened from a card builder).
      const top = [...document.querySelectorAll('[aria-modal="true"]')].pop();
      if (e.key === 'Tab' && ref.current && top === ref.current) trapTab(e, ref.current);
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
