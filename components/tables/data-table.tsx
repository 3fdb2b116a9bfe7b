import type { ReactNode } from 'react';

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  align?: 'left' | 'right';
}

/** A plain, captioned table: figures right-aligned in tabular digits, rows keyed by the caller. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table data-testid={testId} className="w-full border-collapse text-left text-tremor-default">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-tremor-border-default">
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`whitespace-nowrap px-2 py-2 text-tremor-label font-semibold text-tremor-content-emphasis ${c.align === 'right' ? 'text-right' : ''}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-tremor-border-default last:border-0">
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-2 font-medium text-tremor-content-strong">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td
                    key={c.key}
                    className={`px-2 py-2 ${c.align === 'right' ? 'text-right tabular-nums' : ''} text-tremor-content-emphasis`}
                  >
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
