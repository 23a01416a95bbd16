/** A campaign's counts per outcome (and the results read through worker/results). */
import type { CampaignCounts } from '../../../schemas/campaign-view';
import { type CampaignKey, tc } from '../../lib/campaigns-i18n';

const SHOWN = [
  'sent',
  'held',
  'skipped',
  'refused',
  'failed',
  'cancelled',
  'delivered',
  'read',
  'clicked',
  'replied',
  'unsubscribed',
] as const;

export function CountsGrid({ counts }: { counts: CampaignCounts }) {
  return (
    <dl class="campaign-counts">
      {SHOWN.map((k) => (
        <div key={k} class={`campaign-count count-${k}`}>
          <dt>{tc(`o.${k}` as CampaignKey)}</dt>
          <dd data-testid={`count-${k}`}>{counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}
