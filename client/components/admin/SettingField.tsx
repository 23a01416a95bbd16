/**
 * One setting on the settings page: its label, the control its type calls for (text, a
 * multi-line text, a colour picker, hours, a time, a switch), its help text, its default and
 * the error naming it, if any. Labels and help come from the strings (`setting.<key>`).
 */
import {
  ATTRIBUTION_MAX_HOURS,
  CURRENCIES,
  EARLIEST_END,
  FR_LATEST_END,
  FREQUENCY_CAP_MAX_HOURS,
  MESSAGES_PER_MONTH_MAX,
  SETTING_DEFAULTS,
  SETTING_GROUPS,
  SEND_RATE_MAX,
  SETTING_TEXT_MAX,
  type SettingKey,
  type Settings,
  US_LATEST_END,
} from '../../../schemas/settings';
import { ta } from '../../lib/admin-i18n';

type Value = Settings[SettingKey];

function Control({
  k,
  value,
  onChange,
  ids,
  invalid,
}: {
  k: SettingKey;
  value: Value;
  onChange: (v: Value) => void;
  ids: string;
  invalid: boolean;
}) {
  const common = { id: `setting-${k}`, name: k, 'aria-describedby': ids, 'aria-invalid': invalid || undefined };
  const text = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onChange(e.currentTarget.value);
  switch (k) {
    case 'help_text':
    case 'signup_disclosure_fr':
    case 'signup_disclosure_en':
      return <textarea {...common} rows={4} maxLength={SETTING_TEXT_MAX[k]} value={String(value)} onInput={text} />;
    case 'messages_per_month':
      return (
        <input
          {...common}
          type="number"
          min={1}
          max={MESSAGES_PER_MONTH_MAX}
          step={1}
          value={Number.isNaN(value) ? '' : String(value)}
          onInput={(e) => onChange(e.currentTarget.valueAsNumber)}
        />
      );
    case 'help_text_en':
      return <textarea {...common} rows={4} maxLength={SETTING_TEXT_MAX[k]} value={String(value)} onInput={text} />;
    case 'currency':
      return (
        <select {...common} value={String(value)} onChange={(e) => onChange(e.currentTarget.value)}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    case 'color':
      return (
        <span class="color-field">
          <input {...common} type="color" value={String(value)} onInput={text} />
          <code>{String(value)}</code>
        </span>
      );
    case 'frequency_cap_hours':
    case 'attribution_click_hours':
    case 'attribution_read_hours':
    case 'attribution_delivery_hours':
      return (
        <span class="unit-field">
          <input
            {...common}
            type="number"
            min={0}
            max={k === 'frequency_cap_hours' ? FREQUENCY_CAP_MAX_HOURS : ATTRIBUTION_MAX_HOURS}
            step={1}
            value={Number.isNaN(value) ? '' : String(value)}
            onInput={(e) => onChange(e.currentTarget.valueAsNumber)}
          />
          <span>{ta('settings.hours')}</span>
        </span>
      );
    case 'quiet_hours_fr_end':
    case 'quiet_hours_us_end':
      return (
        <input
          {...common}
          type="time"
          min={EARLIEST_END}
          max={k === 'quiet_hours_fr_end' ? FR_LATEST_END : US_LATEST_END}
          step={60}
          value={String(value)}
          onInput={text}
        />
      );
    case 'send_rate_rcs':
    case 'send_rate_sms':
      return (
        <span class="unit-field">
          <input
            {...common}
            type="number"
            min={0}
            max={SEND_RATE_MAX}
            step={0.1}
            value={Number.isNaN(value) ? '' : String(value)}
            onInput={(e) => onChange(e.currentTarget.valueAsNumber)}
          />
          <span>{ta('settings.perSecond')}</span>
        </span>
      );
    case 'rcs_stop_suggestion':
      return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    default:
      return <input {...common} type="text" maxLength={SETTING_TEXT_MAX[k]} value={String(value)} onInput={text} />;
  }
}

export function SettingField({
  k,
  value,
  error,
  onChange,
}: {
  k: SettingKey;
  value: Value;
  error: string | undefined;
  onChange: (v: Value) => void;
}) {
  // Defaults matter for the compliance rules (what the law or the carrier expects); brand texts are the brand's own.
  const fallback = SETTING_DEFAULTS[k];
  const ruled = [...SETTING_GROUPS.compliance, ...SETTING_GROUPS.sending, ...SETTING_GROUPS.attribution].some((c) => c === k);
  const shownDefault = ruled && typeof fallback !== 'boolean' ? String(fallback) : '';
  const ids = [`setting-${k}-help`, error ? `setting-${k}-error` : ''].filter(Boolean).join(' ');
  const toggle = k === 'rcs_stop_suggestion';
  return (
    <div class={`setting${toggle ? ' setting-toggle' : ''}${error ? ' setting-invalid' : ''}`}>
      <label for={`setting-${k}`}>{ta(`setting.${k}`)}</label>
      <Control k={k} value={value} onChange={onChange} ids={ids} invalid={error !== undefined} />
      <p class="field-help" id={`setting-${k}-help`}>
        {ta(`setting.${k}.help`)}
        {shownDefault && <span class="muted"> {ta('settings.default', { value: shownDefault })}</span>}
      </p>
      {error && (
        <p class="field-error" id={`setting-${k}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
