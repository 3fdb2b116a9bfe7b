import Link from 'next/link';
import type { ChargebackJson, ChargebackRowJson } from '@/lib/api/chargeback-wire';
import { formatCount } from '@/lib/format/numbers';
import { formatShare, money, teamLabel, unitMoney, UNALLOCATED } from './format';

const LAYERS = [
  ['l1_usd', 'L1', 'Model unit economics'],
  ['l2_usd', 'L2', 'Serving infrastructure'],
  ['l3_usd', 'L3', 'Workload behaviour'],
  ['l4_usd', 'L4', 'Orchestration and quality control'],
  ['l5_usd', 'L5', 'Operations and governance'],
] as const;

const num = 'px-2 py-2 text-right tabular-nums whitespace-nowrap';
const head = 'px-2 py-2 text-right font-medium whitespace-nowrap';

function BudgetUsed({ row }: { row: ChargebackRowJson }) {
  if (!row.budget) return <span className="text-tremor-content-subtle">—</span>;
  const used = row.budget.used;
  const tone = used >= 1 ? 'bg-red-500' : used >= 0.9 ? 'bg-amber-500' : 'bg-tremor-brand-default';
  return (
    <span className="inline-flex items-center gap-2" title={`Budget ${money(row.budget.monthly_usd)}`}>
      <span className="h-1.5 w-12 overflow-hidden rounded-full bg-tremor-background-emphasis/20" aria-hidden="true">
        <span className={`block h-full ${tone}`} style={{ width: `${Math.min(100, used * 100)}%` }} />
      </span>
      {formatShare(used)}
    </span>
  );
}

function Row({ row, month, showCorrections }: { row: ChargebackRowJson; month: string; showCorrections: boolean }) {
  const unallocated = row.team === UNALLOCATED;
  return (
    <tr
      data-testid={`row-${row.team}`}
      className={'border-t border-tremor-border-default ' + (unallocated ? 'bg-tremor-background-subtle italic' : '')}
    >
      <th scope="row" className="sticky left-0 bg-inherit px-2 py-2 text-left font-medium text-tremor-content-strong">
        <Link
          href={`/teams/${encodeURIComponent(row.team)}?month=${month}`}
          className="rounded-tremor-small text-tremor-brand-emphasis underline-offset-2 hover:underline"
        >
          {teamLabel(row.team, row.name)}
        </Link>
      </th>
      {LAYERS.map(([key]) => (
        <td key={key} className={num}>
          {money(row[key])}
        </td>
      ))}
      <td className={num}>{money(row.idle_usd)}</td>
      <td className={num}>{money(row.shared_usd)}</td>
      <td className={`${num} font-semibold text-tremor-content-strong`} data-testid={`tco-${row.team}`}>
        {money(row.tco_usd)}
      </td>
      {showCorrections ? <td className={num}>{money(row.correction_usd)}</td> : null}
      <td className={num}>{formatShare(row.share_of_total)}</td>
      <td className={num}>{formatCount(row.accepted_workflows)}</td>
      <td className={num}>{unitMoney(row.cost_per_accepted_workflow_usd)}</td>
      <td className={num}>
        <BudgetUsed row={row} />
      </td>
    </tr>
  );
}

/** One row per team, the unallocated line, and a total that is the sum of the rows as printed. */
export function ChargebackTable({ body }: { body: ChargebackJson }) {
  const showCorrections = body.totals.correction_usd !== '0.000000' || body.corrections.length > 0;
  const t = body.totals;
  return (
    <div className="overflow-x-auto rounded-tremor-default border border-tremor-border-default bg-tremor-background-default shadow-tremor-card">
      <table className="w-full text-tremor-label" data-testid="chargeback-table">
        <caption className="sr-only">Chargeback per team for {body.month}, in USD</caption>
        <thead className="bg-tremor-background-subtle text-tremor-content-emphasis">
          <tr>
            <th scope="col" className="sticky left-0 bg-inherit px-2 py-2 text-left font-medium">
              Team
            </th>
            {LAYERS.map(([key, label, title]) => (
              <th key={key} scope="col" className={head}>
                <abbr title={title} className="no-underline">
                  {label}
                </abbr>
              </th>
            ))}
            <th scope="col" className={head}>
              <abbr title="Idle GPU capacity placed on the team (part of L2)" className="no-underline">
                Idle
              </abbr>
            </th>
            <th scope="col" className={head}>
              <abbr title="Shared fixed costs placed on the team by their split rules" className="no-underline">
                Shared
              </abbr>
            </th>
            <th scope="col" className={head}>
              TCO
            </th>
            {showCorrections ? (
              <th scope="col" className={head}>
                <abbr title="Changes to closed months, booked into this one" className="no-underline">
                  Corrections
                </abbr>
              </th>
            ) : null}
            <th scope="col" className={head}>
              Share
            </th>
            <th scope="col" className={head}>
              Accepted
            </th>
            <th scope="col" className={head}>
              <abbr title="TCO per accepted workflow" className="no-underline">
                Per accepted
              </abbr>
            </th>
            <th scope="col" className={head}>
              Budget used
            </th>
          </tr>
        </thead>
        <tbody>
          {body.rows.map((row) => (
            <Row key={row.team} row={row} month={body.month} showCorrections={showCorrections} />
          ))}
          {body.unallocated ? (
            <Row row={body.unallocated} month={body.month} showCorrections={showCorrections} />
          ) : null}
        </tbody>
        <tfoot className="border-t-2 border-tremor-border-default font-semibold text-tremor-content-strong">
          <tr data-testid="row-total">
            <th scope="row" className="sticky left-0 bg-tremor-background-default px-2 py-2 text-left">
              Total
            </th>
            {LAYERS.map(([key]) => (
              <td key={key} className={num}>
                {money(t[key])}
              </td>
            ))}
            <td className={num}>{money(t.idle_usd)}</td>
            <td className={num}>{money(t.shared_usd)}</td>
            <td className={num} data-testid="tco-total">
              {money(t.tco_usd)}
            </td>
            {showCorrections ? <td className={num}>{money(t.correction_usd)}</td> : null}
            {/* a team_viewer's rows carry no share of the month: the whole month is every team's */}
            <td className={num}>
              {t.tco_usd === '0.000000' || body.rows.every((r) => r.share_of_total === null) ? '—' : '100%'}
            </td>
            <td className={num}>{formatCount(t.accepted_workflows)}</td>
            <td className={num} />
            <td className={num} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
