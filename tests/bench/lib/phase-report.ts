/** The metrics bench's per-phase detail: what each figure is made of and where its time went. */
import type { CostingCostFigures } from './costing-cost';
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
  const inDb = c.onStatements.reduce((sum, s) => sum + s.ms, 0);
  return [
    `  on  (ingestEventBody: parse, validate, price, store; plus ${formatInt(c.folds)} folds into rollups and ` +
      `workflows): ${formatInt(c.onPerS)} events/s, ${ms(c.onMs / batches)} ms a batch`,
    `  off (the same ingest with costing taken out: parse, validate, store): ${formatInt(c.offPerS)} events/s, ` +
      `${ms(c.offMs / batches)} ms a batch`,
    `  floor (the events' COPY text COPYed alone): ${formatInt(c.floorPerS)} events/s, ${ms(c.floorMs / batches)} ms a batch`,
    `  on/off ${c.ratio.toFixed(2)}: costing costs ${((1 - c.ratio) * 100).toFixed(0)}% of ingest throughput ` +
      `(on/floor ${c.floorRatio.toFixed(2)})`,
    `  pricing alone (priceEvent; done before the off clock): ${ms((c.pricingMs / c.events) * 1000)} ms per 1,000 events`,
    `  on, per batch: ${ms((c.onMs - inDb) / batches)} ms in Node (parsing, validating, pricing, aggregating, encoding), waiting on:`,
    ...c.onStatements
      .slice(0, 8)
      .map(
        (s) =>
          `    ${ms(s.ms / batches).padStart(6)} ms  ${s.label}${s.calls > batches ? ` (${s.calls / batches}x)` : ''}`,
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
