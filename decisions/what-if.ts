import { settleDays } from '../costing/settle';
import type { Database } from '../db/client';
import { getMetricSums } from '../db/queries/metrics';
import { getPriceBook } from '../db/queries/pricebook';
import { getSettings } from '../db/queries/settings';
import { getWorkflowFacts } from '../db/queries/decision-inputs';
import type { WhatIfBody, WhatIfQuery } from '../lib/api/what-if-wire';
import type { PriceBook } from '../lib/costing/pricebook';
import { acceptanceFlips } from '../lib/decisions/acceptance';
import { changesCalls, type WhatIfChanges } from '../lib/decisions/changes';
import { Ledger, type RowDelta } from '../lib/decisions/ledger';
import { projectDays, type Projection } from '../lib/decisions/project';
import { repriceEvent } from '../lib/decisions/reprice';
import { projectSums } from '../lib/decisions/sums';
import { transformEvent } from '../lib/decisions/transform';
import { InvalidBodyError } from '../lib/errors';
import { deriveMetricsRow, type MetricSums } from '../lib/metrics/derive';
import type { MetricsFilters } from '../lib/metrics/keys';
import { formatUnits, picoToUsd, usdToPico } from '../lib/money';
import { reportingDayFormatter } from '../lib/reporting-day';
import { resolveChanges } from './changes';
import { loadDayInputs, periodCalls, type Period } from './period';

/** The period's total row, as `GET /api/v1/metrics` sums it. */
async function periodSums(db: Database, q: WhatIfQuery, filters: MetricsFilters): Promise<MetricSums> {
  const [sums] = await getMetricSums(db, { from: q.from, to: q.to, groupBy: [], filters });
  if (!sums) throw new Error('the metrics query returned no total row');
  return sums;
}

/** The exact TCO behind a metrics row: direct layers plus allocations, in pico-dollars. */
const tcoOf = (s: MetricSums) =>
  [s.l1Usd, s.l2Usd, s.l3Usd, s.l4Usd, s.allocL2Usd, s.allocL4Usd, s.allocL5Usd].reduce(
    (sum, usd) => sum + usdToPico(usd),
    0n,
  );

/** Nothing to re-price is a question CUT cannot answer: a 400 that says which field made it empty. */
async function observedSums(db: Database, q: WhatIfQuery): Promise<MetricSums> {
  const filters = q.workloadClass ? { workload_class: [q.workloadClass] } : {};
  const sums = await periodSums(db, q, filters);
  if (sums.requests !== '0' || sums.workflows !== '0') return sums;
  const all = q.workloadClass ? await periodSums(db, q, {}) : null;
  if (all && all.requests !== '0') {
    throw new InvalidBodyError(`workload_class: no calls of ${q.workloadClass} from ${q.from} to ${q.to}`);
  }
  throw new InvalidBodyError(`from: no telemetry from ${q.from} to ${q.to}; pick a period with calls`);
}

/** Every call of the period under the changes, priced before and after by the engine. */
async function recordCalls(db: Database, p: Period, q: WhatIfQuery, changes: WhatIfChanges, book: PriceBook) {
  const ledger = new Ledger();
  if (changesCalls(changes)) {
    const ctx = { changes, inputWeight: (pool: string, at: Date) => book.pool(pool, at)?.inputWeight ?? null };
    const dayOf = reportingDayFormatter(p.timeZone);
    for await (const calls of periodCalls(db, p, q.workloadClass)) {
      for (const call of calls) {
        const next = transformEvent(call, ctx);
        if (next !== call) ledger.addCall(dayOf(call.timestamp), call, repriceEvent(call, next, book));
      }
    }
  }
  if (changesCalls(changes) || changes.acceptancePointsBp !== 0) {
    const workflows = await getWorkflowFacts(db, { from: q.from, to: q.to, workloadClass: q.workloadClass });
    ledger.settleWorkflows(workflows, acceptanceFlips(workflows, changes.acceptancePointsBp));
  }
  return ledger;
}

function byDay(rows: Iterable<RowDelta>): Map<string, RowDelta[]> {
  const days = new Map<string, RowDelta[]>();
  for (const r of rows) {
    const list = days.get(r.day);
    if (list) list.push(r);
    else days.set(r.day, [r]);
  }
  return days;
}

const gpuHours = (nano: bigint) => formatUnits(nano, 9, 1);

function notesFor(projection: Projection, changes: WhatIfChanges, observed: MetricSums, projected: MetricSums) {
  const notes: string[] = [];
  for (const s of projection.strained) {
    notes.push(
      `${s.pool} would need ${gpuHours(s.overNanoHours)} GPU-hours more than it provisions on ${s.days} day(s); ` +
        'they are billed at its rate, as over-reported time is. Add GPUs with pool_gpu_counts to see the cost of capacity.',
    );
  }
  const unpriced = Number(projected.unpriced) - Number(observed.unpriced);
  if (unpriced > 0) notes.push(`${unpriced} call(s) would have no price and are costed at 0.`);
  if (changes.route?.kind === 'pool') {
    const t = changes.route.throughput;
    notes.push(
      `GPU time on ${changes.route.pool} follows its ${t.source} throughput: ` +
        `${Number((t.weight * 100n) / t.gpuNanoHours).toLocaleString('en-US')} output-equivalent tokens per GPU-hour.`,
    );
  }
  return notes;
}

/**
 * `POST /api/v1/what-if`: the period's metrics row for the class (or all) as observed and as
 * projected. Allocation moves as a difference (re-allocated minus re-allocated observed), so
 * nothing but the changes moves a figure, and no changes reproduce the observed row exactly.
 */
export async function runWhatIf(db: Database, q: WhatIfQuery): Promise<WhatIfBody> {
  await settleDays(db, { from: q.from, to: q.to });
  const [book, settings] = await Promise.all([getPriceBook(db), getSettings(db)]);
  const p: Period = { from: q.from, to: q.to, timeZone: settings.reporting_time_zone };
  const observed = await observedSums(db, q);
  const changes = await resolveChanges(db, book, q.changes, p);
  const ledger = await recordCalls(db, p, q, changes, book);

  // Nothing moved and no pool resized: no day allocates differently, so none is loaded.
  const untouched = ledger.rows.size === 0 && Object.keys(changes.poolGpuCounts).length === 0;
  const projection = projectDays(untouched ? [] : await loadDayInputs(db, p, book), byDay(ledger.rows.values()), {
    idlePolicy: settings.idle_policy,
    poolGpuCounts: changes.poolGpuCounts,
    inScope: (g) => q.workloadClass === null || g.workloadClass === q.workloadClass,
  });
  const d = projection.difference;
  const allocated = {
    l2: usdToPico(observed.allocL2Usd) + d.l2,
    idle: usdToPico(observed.idleUsd) + d.idle,
    l4: usdToPico(observed.allocL4Usd) + d.l4,
    l5: usdToPico(observed.allocL5Usd) + d.l5,
  };
  const projected = projectSums(observed, ledger.sums, allocated);
  const organisation = q.workloadClass === null ? observed : await periodSums(db, q, {});
  const organisationTco = tcoOf(organisation);
  return {
    from: q.from,
    to: q.to,
    workload_class: q.workloadClass,
    baseline: deriveMetricsRow(observed, []),
    projected: deriveMetricsRow(projected, []),
    organisation: {
      baseline_tco_usd: picoToUsd(organisationTco),
      projected_tco_usd: picoToUsd(organisationTco + d.organisation),
    },
    notes: notesFor(projection, changes, observed, projected),
  };
}
