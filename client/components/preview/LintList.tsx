/** Lint issues, errors first, in the user's language, each naming its field. */
import type { LintIssue } from '../../../schemas/lint';
import { fieldLabel, lintMessage } from '../../lib/lint-messages';
import { t } from '../../lib/i18n';

export function LintList({ issues }: { issues: readonly LintIssue[] }) {
  if (!issues.length) return null;
  const sorted = [...issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return (
    <ul class="lint" aria-label={t('preview.lint')}>
      {sorted.map((i) => (
        <li key={i.code + i.path} class={`lint-${i.level}`} data-code={i.code}>
          <strong>{i.level === 'error' ? t('preview.blocking') : t('preview.advice')}</strong> {fieldLabel(i.path)} — {lintMessage(i)}
        </li>
      ))}
    </ul>
  );
}
