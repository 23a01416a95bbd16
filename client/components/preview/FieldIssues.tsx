/** The problems of one field, shown under it (template errors before sending). */
import type { FieldIssue } from './usePreview';

export function FieldIssues({ issues, path }: { issues: readonly FieldIssue[]; path: string }) {
  const mine = issues.filter((i) => i.path === path);
  if (!mine.length) return null;
  return (
    <p class="field-error" role="alert" data-path={path}>
      {mine.map((i) => i.message).join(' · ')}
    </p>
  );
}
