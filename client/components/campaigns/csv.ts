/**
 * The per-recipient outcomes as a CSV file, paged from the API. Cells are quoted, and a cell
 * that a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote.
 */
import { type RecipientPage, RecipientPageSchema, type RecipientView } from '../../../schemas/campaign-view';
import { call, qs } from '../../lib/api';

const COLUMNS = [
  'phone',
  'outcome',
  'reason',
  'channel',
  'variant',
  'message_id',
  'held_until',
  'clicked_at',
  'revenue',
  'updated_at',
] as const;

export function cell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

export function toCsv(rows: readonly RecipientView[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((c) => cell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export async function downloadCsv(id: string): Promise<void> {
  const rows: RecipientView[] = [];
  let cursor: string | null = null;
  do {
    const page: RecipientPage = await call(
      RecipientPageSchema,
      'GET',
      `/api/campaigns/${encodeURIComponent(id)}/recipients${qs({ limit: 1000, cursor })}`,
    );
    rows.push(...page.recipients);
    cursor = page.next_cursor;
  } while (cursor);
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `campaign-${id}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
