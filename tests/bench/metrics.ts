/**
 * `npm run bench:metrics`: at a realistic size, how fast the dashboards' metric queries answer,
 * what costing costs ingest, and how long re-pricing 30 days takes, all on one throwaway
 * PostgreSQL database filled through the product's own write path. Prints figures; not a test.
 * The npm script runs it with `node --import tsx`, not the tsx CLI: that CLI SIGKILLs its child when
 * Ctrl-C is not acknowledged within 60 ms, which a busy batch misses, and the database would stay.
 */
import os from 'node:os';
import type { Database } from '../../db/client';
import { getMetricSums } from '../../db/queries/metrics';
import type { DemoData } from '../../lib/demo/generate';
import { UsageError } from './lib/args';
import { assertNotInterrupted, cleanupAll, cleanupOnSignals, interrupted } from './lib/cleanup';
import { measureCostingCost, removeCopiedRows } from './lib/costing-cost';
import { loadEvents, settleAll } from './lib/load-phase';
import { METRICS_USAGE, parseMetricsArgs, type MetricsBenchArgs } from './lib/metrics-args';
import { dashboardQueries, tableSizes, timeDashboardQueries } from './lib/metrics-latency';
import { summaryTable, TARGETS, type BenchFigures } from './lib/metrics-summary';
import { describeCpu, startPhase } from './lib/phase-cpu';
import { explainSlowest } from './lib/explain';
import { addDays, extraEvents, isoDay, loadDemo, seedPriceBook, yesterdayUtc } from './lib/metrics-workload';
import { costingReport, latencyReport, repriceReport } from './lib/phase-report';
import { formatInt, seconds } from './lib/report';
import { busiestManagedModel, raisePrice, timeReprice } from './lib/reprice-phase';
import { assertPostgresReachable, BenchSetupError, checkpoint, createStore, withDatabase } from './lib/store';

/** Extra events for the costing-cost phase, over the last week of the window. */
const EXTRA_EVENTS = 100_000;
const EXTRA_DAYS = 7;
const SMALL_BATCH = 1_000;
/** Events each costing path ingests, untimed, before the clocks: enough for the JIT to compile it. */
const WARM_EVENTS = 10_000;
const REPRICE_DAYS = 30;

const log = (line: string) => process.stdout.write(`bench: ${line}\n`);
const print = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  cleanupOnSignals();
  const args = parseMetricsArgs(process.argv.slice(2));
  await assertPostgresReachable(args.databaseUrl);
  const endDate = yesterdayUtc();
  const demo = loadDemo(args.events, endDate);
  log(
    `${os.availableParallelism()} CPUs, 1-min load average ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${formatInt(args.events)} events over 90 days ending ${isoDay(endDate)}`,
  );
  const store = await createStore('postgres', args.databaseUrl, `cut_bench_metrics_${process.pid}`);
  log(`store: ${store.where}`);
  const figures = await withDatabase(store, (db) => run(db, demo, endDate, args));
  await store.destroy();

  print(`\n== summary`);
  if (figures.load.stoppedBecause) {
    print(`NOTE: figures at ${formatInt(figures.load.loaded)} events, not ${formatInt(figures.load.planned)}:`);
    print(`      the load stopped early (${figures.load.stoppedBecause})`);
  }
  print(summaryTable(figures));
}

async function run(db: Database, demo: DemoData, endDate: Date, args: MetricsBenchArgs): Promise<BenchFigures> {
  await seedPriceBook(db, demo);

  log(`-- load: writeEventBatch in batches of 20,000, one after another`);
  let phase = await startPhase(db);
  const load = await loadEvents(db, demo, log);
  log(`  ${describeCpu(await phase())}`);
  log(`loaded ${formatInt(load.loaded)} events in ${seconds(load.ms)} (days ${load.first} to ${load.last})`);
  if (load.stoppedBecause) log(`STOPPED EARLY: ${load.stoppedBecause}; what follows is at this size`);
  phase = await startPhase(db);
  const settle = await settleAll(db, load);
  log(`settled ${settle.days} days in ${seconds(settle.ms)}`);
  log(`  ${describeCpu(await phase())}`);
  // What autovacuum would do after a bulk load, done now so it does not land inside a timed phase.
  const tidied = performance.now();
  await db.query('vacuum analyze');
  await checkpoint(db);
  log(`vacuum analyze + checkpoint (untimed setup): ${seconds(performance.now() - tidied)}`);
  assertNotInterrupted();

  log(`-- metric query latency: the route handler in-process, ${args.repeat} calls each after one warm-up`);
  phase = await startPhase(db);
  const latency = await timeDashboardQueries(db, dashboardQueries(load), args.repeat);
  log(`  ${describeCpu(await phase())}`);
  print(latencyReport(latency, await tableSizes(db)));
  for (const slow of latency.filter((l) => l.p95Ms >= TARGETS.metricsP95Ms)) {
    const params = { from: slow.query.from, to: slow.query.to, groupBy: slow.query.groupBy, filters: {} };
    print(`  plan of ${slow.query.label} (over target):`);
    print((await explainSlowest(db, (d) => getMetricSums(d, params))).replace(/^/gm, '    '));
  }
  assertNotInterrupted();

  log(`-- costing cost: ${formatInt(EXTRA_EVENTS)} events in batches of ${formatInt(SMALL_BATCH)}, on, off and floor`);
  // Made inside the call, so nothing here holds the events once they are bytes.
  const sets = () => ({
    on: extraEvents(EXTRA_EVENTS, endDate, EXTRA_DAYS, 'costing-on'),
    off: extraEvents(EXTRA_EVENTS, endDate, EXTRA_DAYS, 'costing-off'),
    floor: extraEvents(EXTRA_EVENTS, endDate, EXTRA_DAYS, 'costing-floor'),
    warm: {
      on: extraEvents(WARM_EVENTS, endDate, EXTRA_DAYS, 'costing-warm-on'),
      off: extraEvents(WARM_EVENTS, endDate, EXTRA_DAYS, 'costing-warm-off'),
    },
  });
  phase = await startPhase(db);
  const costing = await measureCostingCost(db, sets, SMALL_BATCH);
  log(`  ${describeCpu(await phase())}`);
  print(costingReport(costing));
  const extraFrom = new Date(`${addDays(isoDay(endDate), -(EXTRA_DAYS - 1))}T00:00:00Z`);
  const removed = await removeCopiedRows(db, ['costing-off', 'costing-floor', 'costing-warm-off'], extraFrom);
  log(`removed the ${formatInt(removed)} rows the off, floor and off warm-up passes COPYed (they belong to no rollup)`);
  await checkpoint(db);
  assertNotInterrupted();

  const fromDay = addDays(load.last, -(REPRICE_DAYS - 1));
  const span = { fromDay, last: load.last };
  log(`-- re-pricing ${REPRICE_DAYS} days, ${fromDay} to ${load.last}`);
  phase = await startPhase(db);
  const all = await timeReprice(db, `all, ${REPRICE_DAYS} days`, span, { kind: 'all' });
  log(`  ${describeCpu(await phase())}`);
  print(repriceReport(all));
  const price = await busiestManagedModel(db, fromDay);
  const filter = await raisePrice(db, price, fromDay);
  log(`new price version for ${price.provider}/${price.model} (${price.match}), +20% from ${fromDay}`);
  phase = await startPhase(db);
  const model = await timeReprice(db, `${price.provider}/${price.model}, ${REPRICE_DAYS} days`, span, filter);
  log(`  ${describeCpu(await phase())}`);
  print(repriceReport(model));

  return { load, settle, latency, costing, reprice: [all, model] };
}

main()
  .then(() => cleanupAll())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    if (interrupted()) return; // the signal handler cleans up and exits
    if (err instanceof UsageError && !err.message) {
      process.stdout.write(`${METRICS_USAGE}\n`); // --help
    } else if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message}\n${METRICS_USAGE}\n`);
    } else if (err instanceof BenchSetupError) {
      process.stderr.write(`bench: ${err.message}\n`);
    } else {
      process.stderr.write(`bench: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    await cleanupAll();
    process.exit(err instanceof UsageError && !err.message ? 0 : 1);
  });
