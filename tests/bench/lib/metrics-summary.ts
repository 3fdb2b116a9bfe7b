/** The metrics bench's closing table: each figure beside its target, and whether it meets it. */
import type { CostingCostFigures } from './costing-cost';
import type { LoadFigures } from './load-phase';
import type { LatencyFigures } from './metrics-latency';
import { formatInt, textTable } from './report';
import type { RepriceFigures } from './reprice-phase';

export const TARGETS = { metricsP95Ms: 100, costingRatio: 0.75, repriceMs: 60_000 } as const;

export interface BenchFigures {
  load: LoadFigures;
  settle: { days: number; ms: number };
  latency: LatencyFigures[];
  costing: CostingCostFigures;
  reprice: RepriceFigures[];
}

type Row = [figure: string, value: string, target: string, result: string];

const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summaryTable(f: BenchFigures): string {
  const size = f.load.stoppedBecause
    ? `${formatInt(f.load.loaded)} of ${formatInt(f.load.planned)} (stopped early)`
    : formatInt(f.load.loaded);
  const rows: Row[] = [
    ['events loaded (write path, 20k batches)', size, '-', '-'],
    ['load rate', `${formatInt(f.load.loaded / (f.load.ms / 1000))} events/s (${s(f.load.ms)})`, '-', '-'],
    [`settle ${f.settle.days} days`, s(f.settle.ms), '-', '-'],
    ...f.latency.map((l): Row => [
      `metrics ${l.query.label} p95 (p50)`,
      `${l.p95Ms.toFixed(1)} ms (${l.p50Ms.toFixed(1)})`,
      `< ${TARGETS.metricsP95Ms} ms`,
      verdict(l.p95Ms < TARGETS.metricsP95Ms),
    ]),
    [
      `ingest on / off, ${formatInt(f.costing.batch)}-event batches`,
      `${formatInt(f.costing.onPerS)} / ${formatInt(f.costing.offPerS)} events/s = ${f.costing.ratio.toFixed(2)}`,
      `>= ${TARGETS.costingRatio}`,
      verdict(f.costing.ratio >= TARGETS.costingRatio),
    ],
    ['throughput costing costs (1 - on/off)', `${((1 - f.costing.ratio) * 100).toFixed(0)}%`, '<= 25%', '-'],
    ['CPU ingest costs, off / on (no spare core for the folder)', f.costing.cpuRatio.toFixed(2), '-', '-'],
    [
      'ingest on / bare COPY of the same rows (floor)',
      `${formatInt(f.costing.onPerS)} / ${formatInt(f.costing.floorPerS)} events/s = ${f.costing.floorRatio.toFixed(2)}`,
      '-',
      '-',
    ],
    ...f.reprice.map((r): Row => [
      `re-price ${r.label}`,
      `${s(r.ms)} (${formatInt(r.eventsInScope)} events, ${formatInt(r.repricedEvents)} changed)`,
      `< ${TARGETS.repriceMs / 1000} s`,
      verdict(r.ms < TARGETS.repriceMs),
    ]),
  ];
  return textTable(['figure', 'value', 'target', 'result'], rows);
}
