/** The `?` sheet: every keyboard shortcut, in the current language. */
import { t, type Key } from '../../lib/i18n';
import { jumpKeys } from '../../lib/platform';
import { showHelp } from '../../state/ui';
import { Modal } from '../Modal';

const rows = (): [string[], Key][] => [
  [['j', '↓'], 'shortcuts.next'],
  [['k', '↑'], 'shortcuts.prev'],
  [['e'], 'shortcuts.resolve'],
  [['r'], 'shortcuts.reply'],
  [['n'], 'shortcuts.note'],
  [[jumpKeys], 'shortcuts.jump'],
  [[t('key.enter')], 'shortcuts.send'],
  [['?'], 'shortcuts.help'],
];

export function ShortcutHelp() {
  return (
    <Modal title={t('shortcuts.title')} onClose={() => (showHelp.value = false)}>
      <dl class="shortcut-list">
        {rows().map(([keys, label]) => (
          <div class="shortcut-row" key={label}>
            <dt>{t(label)}</dt>
            <dd>
              {keys.map((k, i) => (
                <>
                  {i > 0 && <span class="muted"> / </span>}
                  <kbd>{k}</kbd>
                </>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
