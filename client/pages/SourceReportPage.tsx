/** /results/:sourceId: one campaign's or flow's report on its own (campaign and flow pages embed SourceReport). */
import { tr } from '../lib/results-i18n';
import { SourceReport } from '../components/results/SourceReport';

export default function SourceReportPage({ sourceId }: { sourceId: string }) {
  return (
    <div class="results-page">
      <header class="pane-head">
        <a class="btn btn-ghost btn-small" href="/results">
          ← {tr('results.back')}
        </a>
        <h1>{tr('results.report', { id: sourceId })}</h1>
      </header>
      <div class="results-body">
        <SourceReport sourceId={sourceId} />
      </div>
    </div>
  );
}
