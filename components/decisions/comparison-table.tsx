import { formatCount, formatUsd, formatUsdUnit } from '@/lib/format/numbers';
import type { ComparisonRow, FigureKind } from '@/lib/decisions/panel-data';

function show(kind: FigureKind, value: string | null): string {
  if (value === null) return '—';
  if (kind === 'count') return formatCount(Number(value));
  return kind === 'usd' ? formatUsd(value) : formatUsdUnit(value);
}

function changeText(row: ComparisonRow): string {
  if (row.change === null) return '—';
  const n = Number(row.change);
  if (n === 0) return 'no change';
  const sign = n > 0 ? '+' : '−';
  const abs = row.change.replace(/^-/, '');
  const pct = row.changePct === null ? '' : ` (${sign}${Math.abs(row.changePct).toFixed(1)}%)`;
  return `${sign}${show(row.kind, abs)}${pct}`;
}

/** Costs going down read as good news, up as bad; counts are shown without a verdict. */
function tone(row: ComparisonRow): string {
  const n = Number(row.change ?? 0);
  if (row.kind === 'count' || n === 0) return 'text-tremor-content-default';
  return n < 0 ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400';
}

/** Observed against projected, figure by figure, with the exact change. */
export function ComparisonTable({ rows, caption }: { rows: readonly ComparisonRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-tremor-default" data-testid="what-if-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-tremor-border-default text-tremor-label uppercase tracking-wide text-tremor-content-default">
            <th scope="col" className="py-2 pr-4 font-medium">
              Figure
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Observed
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              What-if
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-tremor-border-default last:border-0">
              <th
                scope="row"
                className={
                  'py-1.5 pr-4 font-normal ' +
                  (row.key === 'idle_usd' ? 'pl-4 text-tremor-content-default' : 'text-tremor-content-emphasis')
                }
              >
                {row.label}
              </th>
              <td
                className="py-1.5 pr-4 text-right tabular-nums text-tremor-content-strong"
                data-testid={`baseline-${row.key}`}
              >
                {show(row.kind, row.baseline)}
              </td>
              <td
                className="py-1.5 pr-4 text-right tabular-nums font-medium text-tremor-content-strong"
                data-testid={`projected-${row.key}`}
              >
                {show(row.kind, row.projected)}
              </td>
              <td className={`py-1.5 text-right tabular-nums ${tone(row)}`} data-testid={`change-${row.key}`}>
                {changeText(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
