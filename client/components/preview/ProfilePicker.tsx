/**
 * Chooses whose profile renders a preview: a search of the customer directory (the inbox's
 * conversations, by name or number), or the sample customer.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ConversationListSchema } from '../../../schemas/console-api';
import { call, qs } from '../../lib/api';
import { t } from '../../lib/i18n';
import { Icon } from '../Icon';

export interface PickedProfile {
  phone: string;
  name: string | null;
}

const SEARCH_DEBOUNCE_MS = 250;

export function ProfilePicker({ value, onChange }: { value: PickedProfile | null; onChange: (p: PickedProfile | null) => void }) {
  const q = useSignal('');
  const open = useSignal(false);
  const results = useSignal<PickedProfile[]>([]);

  useEffect(() => {
    if (!open.value) return;
    const timer = setTimeout(() => {
      call(ConversationListSchema, 'GET', `/api/conversations${qs({ tab: 'all', q: q.value.trim(), limit: 8 })}`).then(
        (page) => (results.value = page.conversations.map((c) => ({ phone: c.phone, name: c.name }))),
        () => (results.value = []),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q.value, open.value]);

  const pick = (p: PickedProfile | null) => {
    onChange(p);
    open.value = false;
    q.value = '';
  };

  return (
    <div class="profile-picker">
      <span class="muted small">{t('preview.as')}</span>{' '}
      <button type="button" class="link-btn" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>
        {value ? `${value.name ?? value.phone}` : t('preview.sample')}
        <Icon name="chevron" size={12} />
      </button>
      {open.value && (
        <div class="profile-picker-menu">
          <label class="profile-picker-search">
            <Icon name="search" size={13} />
            <input
              aria-label={t('preview.search')}
              placeholder={t('preview.search')}
              value={q.value}
              onInput={(e) => (q.value = e.currentTarget.value)}
              // biome-ignore lint/a11y/noAutofocus: the menu opens to type a name
              autoFocus
            />
          </label>
          <ul aria-label={t('preview.customers')}>
            <li>
              <button type="button" aria-current={value === null ? 'true' : undefined} onClick={() => pick(null)}>
                {t('preview.sample')}
              </button>
            </li>
            {results.value.map((p) => (
              <li key={p.phone}>
                <button type="button" aria-current={value?.phone === p.phone ? 'true' : undefined} onClick={() => pick(p)}>
                  <span>{p.name ?? p.phone}</span> <span class="muted small">{p.phone}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
