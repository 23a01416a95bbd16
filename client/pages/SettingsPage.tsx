/**
 * /settings (admin): every setting a brand has (schemas/settings.ts), grouped: how the brand
 * appears, and the compliance rules of marketing sends. Checked here with the server's own
 * schema, so a mistake is named next to its field before anything is sent; only changed
 * settings are sent.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import * as v from 'valibot';
import { SETTING_GROUPS, type SettingKey, type Settings, SettingsSchema } from '../../schemas/settings';
import { ApiError, call } from '../lib/api';
import { t } from '../lib/i18n';
import { ta } from '../lib/admin-i18n';
import { AdminFrame } from '../components/AdminFrame';
import { SettingField } from '../components/admin/SettingField';

type Errors = Partial<Record<SettingKey, string>>;

/** `[{path, message}]` (a 400's details, or valibot issues) → one message per setting. */
function errorsByKey(issues: readonly { path: string; message: string }[]): Errors {
  const out: Errors = {};
  for (const i of issues) if (i.path in SettingsSchema.entries) out[i.path as SettingKey] ??= i.message;
  return out;
}

export default function SettingsPage() {
  const saved = useSignal<Settings | null>(null);
  const draft = useSignal<Settings | null>(null);
  const errors = useSignal<Errors>({});
  const forbidden = useSignal(false);
  const note = useSignal<string | null>(null);
  useEffect(() => {
    call(SettingsSchema, 'GET', '/api/settings')
      .then((s) => {
        saved.value = s;
        draft.value = s;
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 403) forbidden.value = true;
        else note.value = e instanceof ApiError ? e.message : t('common.error');
      });
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const current = draft.value;
    if (!current || !saved.value) return;
    note.value = null;
    const checked = v.safeParse(SettingsSchema, current);
    if (!checked.success) {
      errors.value = errorsByKey(checked.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })));
      note.value = ta('settings.invalid');
      return;
    }
    const before = saved.value;
    const changed = Object.fromEntries(Object.entries(checked.output).filter(([k, value]) => before[k as SettingKey] !== value));
    try {
      const next = await call(SettingsSchema, 'PUT', '/api/settings', changed);
      saved.value = next;
      draft.value = next;
      errors.value = {};
      note.value = ta('settings.saved');
    } catch (err) {
      const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as { path: string; message: string }[]) : [];
      errors.value = errorsByKey(details);
      note.value = err instanceof ApiError && err.status !== 0 ? err.message : t('common.error');
    }
  };

  const s = draft.value;
  return (
    <AdminFrame title={ta('settings.title')} forbidden={forbidden.value}>
      {s && (
        <form class="settings-form" onSubmit={save} noValidate>
          {(Object.keys(SETTING_GROUPS) as (keyof typeof SETTING_GROUPS)[]).map((group) => (
            <fieldset class="settings-group" key={group}>
              <legend>{ta(`settings.group.${group}`)}</legend>
              <p class="field-help">{ta(`settings.group.${group}.help`)}</p>
              {SETTING_GROUPS[group].map((k) => (
                <SettingField
                  key={k}
                  k={k}
                  value={s[k]}
                  error={errors.value[k]}
                  onChange={(value) => {
                    if (draft.value) draft.value = { ...draft.value, [k]: value };
                  }}
                />
              ))}
            </fieldset>
          ))}
          <div class="form-actions form-actions-start">
            <button class="btn btn-primary" type="submit">
              {ta('settings.save')}
            </button>
            {note.value && <span role="status">{note.value}</span>}
          </div>
        </form>
      )}
    </AdminFrame>
  );
}
