/** /settings (admin): the brand customers see on RCS, and the texts used in SMS. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import { t, type Key } from '../lib/i18n';
import { AdminFrame } from '../components/AdminFrame';

import type { BrandSettings } from '../../schemas/console-api';

type Settings = BrandSettings;
const fields: [keyof BrandSettings, Key][] = [
  ['brand_name', 'settings.brandName'],
  ['logo_url', 'settings.logo'],
  ['color', 'settings.color'],
  ['opt_out_mention', 'settings.optOut'],
  ['help_text', 'settings.help'],
];

export default function SettingsPage() {
  const s = useSignal<Settings | null>(null);
  const forbidden = useSignal(false);
  const note = useSignal<string | null>(null);
  useEffect(() => {
    api<Settings>('GET', '/api/settings')
      .then((v) => (s.value = v))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 403) forbidden.value = true;
        else note.value = e instanceof ApiError ? e.message : t('common.error');
      });
  }, []);
  const save = async (e: Event) => {
    e.preventDefault();
    note.value = null;
    try {
      s.value = await api<Settings>('PUT', '/api/settings', s.value);
      note.value = t('settings.saved');
    } catch (err) {
      note.value = err instanceof ApiError ? err.message : t('common.error');
    }
  };
  return (
    <AdminFrame title={t('settings.title')} forbidden={forbidden.value}>
      {s.value && (
        <form class="settings-form" onSubmit={save}>
          {fields.map(([k, label]) => (
            <label class="field" key={k}>
              <span>{t(label)}</span>
              <input
                value={s.value?.[k] ?? ''}
                onInput={(e) => {
                  if (s.value) s.value = { ...s.value, [k]: e.currentTarget.value };
                }}
              />
            </label>
          ))}
          <div class="form-actions">
            <button class="btn btn-primary" type="submit">
              {t('settings.save')}
            </button>
            {note.value && <span role="status">{note.value}</span>}
          </div>
        </form>
      )}
    </AdminFrame>
  );
}
