/** English / Français toggle; the choice is remembered. */
import { lang, setLang, t, type Lang } from '../../lib/i18n';

export function LangSwitch() {
  return (
    <label class="lang-switch">
      <span class="sr-only">{t('menu.language')}</span>
      <select value={lang.value} onChange={(e) => setLang(e.currentTarget.value as Lang)} aria-label={t('menu.language')}>
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}
