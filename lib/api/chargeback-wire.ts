/**
 * The chargeback as the API shows it (and the page reads it): money as decimal strings with 6
 * decimals (rounded to the cent, so they add up as printed), ratios as numbers, and the
 * reconciliation against the costing engine's own total.
 */
import { FORECAST_METHOD } from '../chargeback/budget';
import { totalOf, type CostLine } from '../chargeback/lines';
import { monthRange } from '../chargeback/month';
import { describeRule, IDLE_POLICY_TEXT, type Policies } from '../chargeback/policies';
import { CENT, type ChargebackReport, type Figures, type TeamRow } from '../chargeback/report';
import { roundTo } from '../chargeback/apportion';
import { formatUnits, PICO_DIGITS, type Pico } from '../money';

const usd = (pico: Pico) => formatUnits(pico, PICO_DIGITS, 6);

export interface ChargebackSource {
  month: string;
  timeZone: string;
  closed: { closedAt: Date; closedBy: string } | null;
  policies: Policies;
  corrections: ReadonlyArray<{ month: string; lines: readonly CostLine[] }>;
  pending: { total: Pico; bookIn: string } | null;
  engineTco: Pico;
  report: ChargebackReport;
}

function figuresJson(f: Figures) {
  return {
    l1_usd: usd(f.layers[0]),
    l2_usd: usd(f.layers[1]),
    l3_usd: usd(f.layers[2]),
    l4_usd: usd(f.layers[3]),
    l5_usd: usd(f.layers[4]),
    direct_usd: usd(f.kinds.direct),
    idle_usd: usd(f.kinds.idle),
    shared_usd: usd(f.kinds.shared),
    assigned_usd: usd(f.kinds.assigned),
    tco_usd: usd(f.tco),
    correction_usd: usd(f.correction),
    total_usd: usd(f.total),
    requests: Number(f.requests),
    accepted_workflows: Number(f.acceptedWorkflows),
  };
}

function rowJson(r: TeamRow) {
  return {
    team: r.team,
    name: r.name,
    ...figuresJson(r),
    share_of_total: r.shareOfTotal,
    cost_per_accepted_workflow_usd: r.costPerAccepted === null ? null : usd(r.costPerAccepted),
    budget: r.budget && {
      monthly_usd: usd(r.budget.monthly),
      used: r.budget.used,
      forecast_usd: r.budget.forecast === null ? null : usd(r.budget.forecast),
      forecast_used: r.budget.forecastUsed,
      actual_threshold_pct: r.budget.actualThreshold,
      forecast_threshold_pct: r.budget.forecastThreshold,
    },
  };
}

export type ChargebackRowJson = ReturnType<typeof rowJson>;

function policiesJson(p: Policies) {
  return {
    idle_policy: p.idlePolicy,
    idle_policy_text: IDLE_POLICY_TEXT[p.idlePolicy],
    fixed_costs: p.fixedCosts.map((f) => ({
      id: f.id,
      name: f.name,
      layer: f.layer,
      category: f.category,
      monthly_usd: f.monthlyUsd,
      rule: f.rule,
      team: f.team,
      workload_class: f.workloadClass,
      fixed_shares: f.fixedShares,
      text: describeRule(f),
    })),
  };
}

export function toChargebackJson(src: ChargebackSource) {
  const { report } = src;
  const monthTco = roundTo(src.engineTco, CENT);
  const difference = report.totals.tco - monthTco;
  return {
    month: src.month,
    status: src.closed ? ('closed' as const) : ('open' as const),
    closed_at: src.closed?.closedAt.toISOString() ?? null,
    closed_by: src.closed?.closedBy ?? null,
    period: monthRange(src.month),
    time_zone: src.timeZone,
    currency: 'USD',
    policies: policiesJson(src.policies),
    rows: report.rows.map(rowJson),
    unallocated: report.unallocated && rowJson(report.unallocated),
    totals: figuresJson(report.totals),
    reconciliation: {
      rows_tco_usd: usd(report.totals.tco),
      month_tco_usd: usd(monthTco),
      month_tco_exact_usd: formatUnits(src.engineTco, PICO_DIGITS, PICO_DIGITS),
      difference_usd: usd(difference),
      corrections_usd: usd(report.totals.correction),
      total_usd: usd(report.totals.total),
      balanced: difference === 0n && report.exactTco === src.engineTco,
      method:
        "The month's TCO from the costing engine is rounded to the cent once; the rows share it by largest remainder, and each row's layers share the row. Corrections of closed months are added on their own line.",
    },
    corrections: src.corrections.map((c) => ({ month: c.month, usd: usd(totalOf(c.lines)) })),
    pending_correction: src.pending && { usd: usd(src.pending.total), book_in: src.pending.bookIn },
    forecast_method: FORECAST_METHOD,
  };
}

export type ChargebackJson = ReturnType<typeof toChargebackJson>;

/** The money columns of a team's record, as the JSON names them. */
const MONEY_COLUMNS = [
  'l1_usd',
  'l2_usd',
  'l3_usd',
  'l4_usd',
  'l5_usd',
  'direct_usd',
  'idle_usd',
  'shared_usd',
  'assigned_usd',
] as const;

const CSV_HEADER = [
  'month',
  'status',
  'team',
  'team_name',
  ...MONEY_COLUMNS,
  'tco_usd',
  'correction_usd',
  'total_usd',
  'share_of_total',
  'requests',
  'accepted_workflows',
  'cost_per_accepted_workflow_usd',
  'budget_usd',
  'budget_used',
] as const;

const cents = (s: string) => s.replace(/(\.\d{2})0000$/, '$1');

/** The plain CSV: one record per team, the unallocated line and a TOTAL line; amounts in cents. */
export function chargebackCsvRecords(body: ChargebackJson): string[][] {
  type Row = ChargebackRowJson | (ReturnType<typeof figuresJson> & Partial<ChargebackRowJson>);
  const record = (team: string, name: string, r: Row): string[] => [
    body.month,
    body.status,
    team,
    name,
    ...MONEY_COLUMNS.map((k) => cents(r[k])),
    cents(r.tco_usd),
    cents(r.correction_usd),
    cents(r.total_usd),
    r.share_of_total === undefined || r.share_of_total === null ? '' : r.share_of_total.toFixed(6),
    String(r.requests),
    String(r.accepted_workflows),
    r.cost_per_accepted_workflow_usd ?? '',
    r.budget ? cents(r.budget.monthly_usd) : '',
    r.budget ? r.budget.used.toFixed(4) : '',
  ];
  const rows = body.rows.map((r) => record(r.team, r.name, r));
  if (body.unallocated) rows.push(record(body.unallocated.team, 'Unallocated', body.unallocated));
  rows.push(record('TOTAL', 'All teams', { ...body.totals, share_of_total: 1 }));
  return [[...CSV_HEADER], ...rows];
}
