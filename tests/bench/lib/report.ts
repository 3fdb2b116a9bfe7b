/** Plain-text tables for the terminal: right-aligned numbers, one header, no colour codes. */
import type { Engine } from './args';

export interface EngineFigures {
  engine: Engine;
  events: number;
  clients: number;
  batch: number;
  wallS: number;
  eventsPerS: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  copyRowsPerS: number;
  ratio: number;
}

/** The figure that counts: HTTP ingest as a share of a raw COPY of the same rows. */
export const TARGET_RATIO = 0.3;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (digits: number) => (n: number) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const COLUMNS: Array<[string, (f: EngineFigures) => string]> = [
  ['engine', (f) => f.engine],
  ['events', (f) => int(f.events)],
  ['clients', (f) => String(f.clients)],
  ['batch', (f) => int(f.batch)],
  ['wall s', (f) => fixed(1)(f.wallS)],
  ['events/s', (f) => int(f.eventsPerS)],
  ['p50 ms', (f) => fixed(1)(f.p50Ms)],
  ['p99 ms', (f) => fixed(1)(f.p99Ms)],
  ['peak RSS MB', (f) => int(f.peakRssMb)],
  ['raw COPY rows/s', (f) => int(f.copyRowsPerS)],
  ['ratio', (f) => fixed(2)(f.ratio)],
];

export function figuresTable(rows: readonly EngineFigures[]): string {
  return textTable(
    COLUMNS.map(([h]) => h),
    rows.map((r) => COLUMNS.map(([, cell]) => cell(r))),
  );
}

/** A Markdown-style table: the first column left-aligned (labels), the others right-aligned (numbers). */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    `| ${widths.map((w, i) => (i === 0 ? (row[i] ?? '').padEnd(w) : (row[i] ?? '').padStart(w))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export { int as formatInt };
