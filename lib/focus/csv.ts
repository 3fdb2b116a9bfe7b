import { stringify } from 'csv-stringify/sync';
import { ALL_COLUMNS, type FocusRow } from './columns';

/**
 * FOCUS rows as CSV (RFC 4180): the header in column order, a null as an empty field (FOCUS
 * nulls; no value of ours is ever an empty string), every value already a plain string.
 */
export function focusCsv(rows: readonly FocusRow[]): string {
  const names = ALL_COLUMNS.map((c) => c.name);
  return stringify(
    rows.map((row) => names.map((n) => row[n] ?? null)),
    { header: true, columns: names, record_delimiter: '\r\n' },
  );
}
