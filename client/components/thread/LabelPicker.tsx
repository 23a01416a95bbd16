/** Toggle labels on a conversation from the known list (or type a new one). */
import { useSignal } from '@preact/signals';
import { LABEL_NAME_MAX_LENGTH } from '../../../schemas/labels';
import { t } from '../../lib/i18n';
import { labelColor } from '../../state/directory';
import { Icon } from '../Icon';
import { useMenu } from '../useMenu';

export function LabelPicker({
  current,
  all,
  onChange,
}: {
  phone: string;
  current: string[];
  all: string[];
  onChange: (labels: string[]) => void;
}) {
  const menu = useMenu();
  const draft = useSignal('');
  const toggle = (l: string) => onChange(current.includes(l) ? current.filter((x) => x !== l) : [...current, l]);
  const names = [...new Set([...all, ...current])];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys of the menu's items (focusable buttons) bubble here.
    <div class="dropdown" ref={menu.root} onKeyDown={menu.onKeyDown}>
      <button type="button" class="btn" ref={menu.button} {...menu.buttonProps} onClick={menu.toggle}>
        {t('conv.labels')}
        {current.length > 0 && <span class="tab-count">{current.length}</span>}
      </button>
      {menu.open && (
        <div class="menu menu-right label-menu">
          {names.length > 0 && (
            <div role="menu" id={menu.menuId} aria-label={t('conv.labels')}>
              {names.map((l) => (
                <button
                  type="button"
                  key={l}
                  role="menuitemcheckbox"
                  aria-checked={current.includes(l)}
                  class="menu-check"
                  onClick={() => toggle(l)}
                >
                  <span class="check-box" aria-hidden="true">
                    {current.includes(l) && <Icon name="check" size={12} />}
                  </span>
                  <span class="dot" style={{ background: labelColor(l) }} />
                  {l}
                </button>
              ))}
            </div>
          )}
          <form
            class="menu-add"
            onSubmit={(e) => {
              e.preventDefault();
              const l = draft.value.trim();
              if (l && !current.includes(l)) onChange([...current, l]);
              draft.value = '';
            }}
          >
            <input
              aria-label={t('conv.addLabel')}
              placeholder={t('conv.addLabel')}
              maxLength={LABEL_NAME_MAX_LENGTH}
              value={draft.value}
              onInput={(e) => (draft.value = e.currentTarget.value)}
            />
            <button class="icon-btn" type="submit" aria-label={t('conv.addLabel')}>
              <Icon name="plus" size={14} />
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
