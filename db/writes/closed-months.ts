import type { CostLine } from '../../lib/chargeback/lines';
import type { Policies } from '../../lib/chargeback/policies';
import { formatUnits, PICO_DIGITS } from '../../lib/money';
import type { Database } from '../client';
import { copyRow } from '../copy-text';

const LINE_COLUMNS = [
  'day',
  'team',
  'workload_class',
  'model',
  'provider',
  'pool',
  'kind',
  'source',
  'l1_usd',
  'l2_usd',
  'l3_usd',
  'l4_usd',
  'l5_usd',
  'requests',
  'input_tokens',
  'cached_tokens',
  'output_tokens',
  'accepted_workflows',
  'gpu_hours',
  'useful_output_tokens',
  'quantity',
];

const usd = (pico: bigint) => formatUnits(pico, PICO_DIGITS, PICO_DIGITS);
const nano = (n: bigint) => formatUnits(n, 9, 9);

function lineFields(l: CostLine): Array<string | bigint> {
  return [
    l.day,
    l.team,
    l.workloadClass,
    l.model,
    l.provider,
    l.pool,
    l.kind,
    l.source,
    usd(l.l1),
    usd(l.l2),
    usd(l.l3),
    usd(l.l4),
    usd(l.l5),
    l.requests,
    l.inputTokens,
    l.cachedTokens,
    l.outputTokens,
    l.acceptedWorkflows,
    nano(l.gpuNanoHours),
    nano(l.usefulNano),
    nano(l.quantityNano),
  ];
}

export interface CloseRecord {
  month: string;
  closedBy: string;
  policies: Policies;
  /** exact decimal */
  tcoUsd: string;
}

/**
 * Records a month as closed with its frozen lines; false (and nothing written) when it already was.
 * Part of the caller's transaction, which books the corrections beside it.
 */
export async function insertClosedMonth(
  tx: Database,
  record: CloseRecord,
  lines: readonly CostLine[],
): Promise<boolean> {
  const inserted = await tx.query(
    `insert into closed_months (month, closed_by, policies, tco_usd) values ($1, $2, $3::jsonb, $4::numeric)
     on conflict (month) do nothing returning month`,
    [record.month, record.closedBy, JSON.stringify(record.policies), record.tcoUsd],
  );
  if (inserted.length === 0) return false;
  if (lines.length)
    await tx.copyFrom('closed_month_lines', LINE_COLUMNS, lines.map((l) => copyRow(lineFields(l))).join(''));
  return true;
}

/** Books correction lines into `bookedMonth` (its close). */
export async function insertCorrections(tx: Database, bookedMonth: string, lines: readonly CostLine[]): Promise<void> {
  if (lines.length === 0) return;
  await tx.copyFrom(
    'correction_lines',
    ['booked_month', ...LINE_COLUMNS],
    lines.map((l) => copyRow([bookedMonth, ...lineFields(l)])).join(''),
  );
}
