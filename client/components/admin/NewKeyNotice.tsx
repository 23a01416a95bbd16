/** A key just created: shown this once, with a button that copies it to the clipboard. */
import { useSignal } from '@preact/signals';
import { ta } from '../../lib/admin-i18n';
import { Icon } from '../Icon';

export function NewKeyNotice({ secret }: { secret: string }) {
  const copied = useSignal<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      copied.value = 'yes';
    } catch {
      // No clipboard permission (or an insecure origin): the key stays selectable by hand.
      copied.value = 'failed';
    }
  };
  return (
    <div class="key-once">
      <p>{ta('keys.once')}</p>
      <div class="key-once-row">
        <code>{secret}</code>
        <button type="button" class="btn btn-small" onClick={() => void copy()}>
          <Icon name="copy" size={13} /> {ta('keys.copy')}
        </button>
      </div>
      <p class="key-once-status" role="status">
        {copied.value === 'yes' ? ta('keys.copied') : copied.value === 'failed' ? ta('keys.copyFailed') : ''}
      </p>
    </div>
  );
}
