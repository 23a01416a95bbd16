/**
 * Lint issues, errors first, in the user's language, each naming its field. The same advice on
 * several fields (a localhost image on every card of a carousel) is said once, naming them all.
 */
import type { LintIssue } from '../../../schemas/lint';
import { t } from '../../lib/i18n';
import { fieldLabel, lintMessage } from '../../lib/lint-messages';

interface Said {
  level: LintIssue['level'];
  code: string;
  message: string;
  fields: string[];
}

export function LintList({ issues }: { issues: readonly LintIssue[] }) {
  if (!issues.length) return null;
  const said = new Map<string, Said>();
  for (const i of issues) {
    const message = lintMessage(i);
    const key = `${i.level}\u0000${i.code}\u0000${message}`;
    const field = fieldLabel(i.path);
    const seen = said.get(key);
    if (!seen) said.set(key, { level: i.level, code: i.code, message, fields: [field] });
    else if (!seen.fields.includes(field)) seen.fields.push(field);
  }
  const sorted = [...said.entries()].sort(([, a], [, b]) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return (
    <ul class="lint" aria-label={t('preview.lint')}>
      {sorted.map(([key, s]) => (
        <li key={key} class={`lint-${s.level}`} data-code={s.code}>
          <strong>{s.level === 'error' ? t('preview.blocking') : t('preview.advice')}</strong> {s.fields.join(', ')} — {s.message}
        </li>
      ))}
    </ul>
  );
}
