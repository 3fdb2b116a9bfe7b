/**
 * Dashboard query latency: the metrics route handler called in-process (no HTTP, no Next), so the
 * figure is the handler's own work: validation, the settle check, the SQL, deriving and
 * serializing the rows. A second pass times those parts one by one to show where the time goes.
 */
import { GET } from '../../../app/api/v1/metrics/route';
import type { Database } from '../../../db/client';
import { setDatabase } from '../../../db/instance';
import { getMetricSums } from '../../../db/queries/metrics';
import { ensureAdminKey } from '../../../db/writes/keys';
import { settleDays } from '../../../costing/settle';
import { deriveMetricsRow } from '../../../lib/metrics/derive';
import type { GroupKey } from '../../../lib/metrics/keys';
import { addDays } from './metrics-workload';
import { percentile, sortedCopy } from './stats';

const BENCH_ADMIN_KEY = 'bench-metrics-admin-key';

export interface DashboardQuery {
  label: string;
  from: string;
  to: string;
  groupBy: GroupKey[];
}

export interface LatencyFigures {
  query: DashboardQuery;
  path: string;
  rows: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** p50 of each part, timed apart from the handler: the settle check, the metrics SQL, derive + JSON */
  parts: { settleMs: number; sqlMs: number; deriveMs: number };
}

/** (a) the whole window by day and class, (b) a month by team, (c) one day by model and pool. */
export function dashboardQueries(span: { first: string; last: string }): DashboardQuery[] {
  const month = lastFullMonth(span) ?? { from: maxDay(span.first, addDays(span.last, -29)), to: span.last };
  return [
    {
      label: `(a) ${span.first}..${span.last} x day,workload_class`,
      from: span.first,
      to: span.last,
      groupBy: ['day', 'workload_class'],
    },
    { label: `(b) ${month.from}..${month.to} x team`, ...month, groupBy: ['team'] },
    { label: `(c) ${span.last} x model,pool`, from: span.last, to: span.last, groupBy: ['model', 'pool'] },
  ];
}

/** The last calendar month wholly inside the span, or null. */
function lastFullMonth(span: { first: string; last: string }): { from: string; to: string } | null {
  const next = addDays(span.last, 1);
  const to = next.endsWith('-01') ? span.last : addDays(`${span.last.slice(0, 8)}01`, -1);
  const from = `${to.slice(0, 8)}01`;
  return from >= span.first ? { from, to } : null;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

const pathOf = (q: DashboardQuery) =>
  `/api/v1/metrics?from=${q.from}&to=${q.to}&group_by=${encodeURIComponent(q.groupBy.join(','))}`;

/** Calls the handler `repeat` times per query (after one untimed warm-up call) and times its parts. */
export async function timeDashboardQueries(
  db: Database,
  queries: readonly DashboardQuery[],
  repeat: number,
): Promise<LatencyFigures[]> {
  setDatabase(db);
  await ensureAdminKey(db, BENCH_ADMIN_KEY);
  const figures: LatencyFigures[] = [];
  for (const query of queries) {
    const path = pathOf(query);
    const call = async () => {
      const response = await GET(
        new Request(`http://x${path}`, { headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}` } }),
      );
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
      return text;
    };
    const rows = (JSON.parse(await call()) as { rows: unknown[] }).rows.length;
    const ms: number[] = [];
    for (let i = 0; i < repeat; i++) ms.push(await timed(call));
    const sorted = sortedCopy(ms);
    figures.push({
      query,
      path,
      rows,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1]!,
      parts: await timeParts(db, query, repeat),
    });
  }
  return figures;
}

/** The route's three steps called directly, in its order; if the route changes shape, so must this. */
async function timeParts(db: Database, query: DashboardQuery, repeat: number) {
  const params = { from: query.from, to: query.to, groupBy: query.groupBy, filters: {} };
  const settle: number[] = [];
  const sql: number[] = [];
  const derive: number[] = [];
  for (let i = 0; i < repeat; i++) {
    settle.push(await timed(() => settleDays(db, { from: query.from, to: query.to })));
    let sums: Awaited<ReturnType<typeof getMetricSums>> = [];
    sql.push(await timed(async () => void (sums = await getMetricSums(db, params))));
    derive.push(await timed(async () => JSON.stringify({ rows: sums.map((s) => deriveMetricsRow(s, query.groupBy)) })));
  }
  const p50 = (values: number[]) => percentile(sortedCopy(values), 50);
  return { settleMs: p50(settle), sqlMs: p50(sql), deriveMs: p50(derive) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Rows and on-disk size (with indexes) of the tables the dashboards read and of their sources. */
export async function tableSizes(db: Database): Promise<Array<{ table: string; rows: number; mb: number }>> {
  const tables = ['events', 'workflows', 'daily_rollups', 'workflow_rollups', 'allocations', 'settled_sums'];
  return db.query(
    tables
      .map(
        (t) => `select '${t}' as "table", (select count(*) from ${t})::float8 as rows,
                pg_total_relation_size('${t}') / 1048576.0::float8 as mb`,
      )
      .join(' union all '),
  );
}
