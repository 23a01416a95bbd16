/**
 * The text alternative of a chart: the same figures as a table. Always in the page for screen
 * readers (the canvas is hidden from them); sighted users can show it with the toggle.
 */
import { useSignal } from '@preact/signals';
import { tr } from '../../lib/results-i18n';

export function ChartTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  const shown = useSignal(false);
  return (
    <div class="chart-table">
      <button type="button" class="btn btn-ghost btn-small" aria-pressed={shown.value} onClick={() => (shown.value = !shown.value)}>
        {shown.value ? tr('results.hideTable') : tr('results.showTable')}
      </button>
      <table class={shown.value ? 'table' : 'table sr-only'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
