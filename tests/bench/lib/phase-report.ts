/** The metrics bench's per-phase detail: what each figure is made of and where its time went. */
import type { CostingCostFigures } from './costing-cost';
import type { PhaseCpu } from './phase-cpu';
import type { LatencyFigures } from './metrics-latency';
import { formatInt, seconds, textTable } from './report';
import type { RepriceFigures } from './reprice-phase';

const ms = (n: number) => n.toFixed(1);

export function latencyReport(
  latency: readonly LatencyFigures[],
  sizes: ReadonlyArray<{ table: string; rows: number; mb: number }>,
): string {
  const table = textTable(
    ['query', 'rows', 'p50 ms', 'p95 ms', 'max ms', 'settle check', 'SQL', 'derive+JSON'],
    latency.map((l) => [
      l.query.label,
      String(l.rows),
      ms(l.p50Ms),
      ms(l.p95Ms),
      ms(l.maxMs),
      ms(l.parts.settleMs),
      ms(l.parts.sqlMs),
      ms(l.parts.deriveMs),
    ]),
  );
  return [
    table,
    `  settle check, SQL, derive+JSON: p50 ms of the handler's three steps, each timed on its own`,
    `  e.g. ${latency[0]?.path ?? ''}`,
    `  rows: ${sizes.map((s) => `${s.table} ${formatInt(s.rows)} (${formatInt(s.mb)} MB)`).join(', ')}`,
  ].join('\n');
}

export function costingReport(c: CostingCostFigures): string {
  const batches = c.events / c.batch;
  const inDb = c.onStatements.reduce((sum, s) => sum + s.ms, 0) - c.foldMs;
  const cpuMs = (p: PhaseCpu) => ((p.nodeCpuS + p.dbCpuS) * 1000) / batches;
  const cpuLine = (name: string, p: PhaseCpu) =>
    `    ${name.padEnd(5)} ${ms(cpuMs(p)).padStart(6)} ms a batch (Node ${ms((p.nodeCpuS * 1000) / batches)}, ` +
    `PostgreSQL ${ms((p.dbCpuS * 1000) / batches)}); machine ${p.machineBusyPct.toFixed(0)}% busy`;
  return [
    `  on  (ingestEventBody: parse, validate, price, store, one request after another; the folder ` +
      `folding beside it, ${formatInt(c.folds)} folds, the clock stopping when all is folded): ` +
      `${formatInt(c.onPerS)} events/s, ${ms(c.onMs / batches)} ms a batch`,
    `  off (the same ingest with costing taken out: parse, validate, store): ${formatInt(c.offPerS)} events/s, ` +
      `${ms(c.offMs / batches)} ms a batch`,
    `  floor (the events' COPY text COPYed alone): ${formatInt(c.floorPerS)} events/s, ${ms(c.floorMs / batches)} ms a batch`,
    `  on/off ${c.ratio.toFixed(2)}: costing costs ${((1 - c.ratio) * 100).toFixed(0)}% of ingest throughput ` +
      `(on/floor ${c.floorRatio.toFixed(2)})`,
    `  CPU spent (this process + the database's backends), what each pass costs the machine:`,
    cpuLine('on', c.cpu.on),
    cpuLine('off', c.cpu.off),
    cpuLine('floor', c.cpu.floor),
    `    off/on by CPU ${c.cpuRatio.toFixed(2)}: the throughput ratio a machine with ` + `no spare core would see`,
    `  pricing alone (priceEvent; done before the off clock): ${ms((c.pricingMs / c.events) * 1000)} ms per 1,000 events`,
    `  JS heap in use as the passes began, after a full collection: ${formatInt(c.heapUsedMb)} MB`,
    `  the folder's statements: ${ms(c.foldMs / batches)} ms a batch, beside ingest`,
    `  on, per batch: ${ms((c.onMs - inDb) / batches)} ms not waiting on ingest's statements (Node, and the ` +
      `final fold), waiting on:`,
    ...c.onStatements
      .slice(0, 10)
      .map(
        (s) =>
          `    ${ms(s.ms / batches).padStart(6)} ms  ${s.label}${s.calls > batches ? ` (${(s.calls / batches).toFixed(2)}x)` : ''}`,
      ),
  ].join('\n');
}

export function repriceReport(r: RepriceFigures): string {
  return (
    `  ${r.label}: job ${r.fromDay}..${r.toDay} done in ${seconds(r.ms)}; ${formatInt(r.eventsInScope)} events in scope, ` +
    `${formatInt(r.repricedEvents)} changed cost (repricing_jobs.repriced_events); ` +
    `then settling ${r.settledDays} days took ${seconds(r.settleMs)}`
  );
}
