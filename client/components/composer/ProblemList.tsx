/** What blocks a card or a carousel, listed under the builder's form once the author has typed. */
import { t } from '../../lib/i18n';

export function ProblemList({ lines }: { lines: readonly string[] }) {
  if (!lines.length) return null;
  return (
    <div class="form-problems" role="status">
      <strong>{t('builder.fix')}</strong>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
