/**
 * A cost line: one month's cost at the rollup grain, as the chargeback reads it. `usage` lines
 * carry the direct cost of events (L1-L4) and their volumes; `review`, `idle` and `fixed` lines
 * are the costing engine's allocations (one layer each). Money is exact pico-dollars, volumes are
 * integers, fractional quantities are nano-units, so lines subtract exactly (corrections).
 */
import { parseDecimal, PICO_DIGITS, type Pico } from '../money';

type LineKind = 'usage' | 'review' | 'idle' | 'fixed';

export interface LineKey {
  /** reporting day YYYY-MM-DD */
  day: string;
  team: string;
  workloadClass: string;
  model: string;
  provider: string;
  /** '' = managed API */
  pool: string;
  kind: LineKind;
  /** '' for usage; pool name (idle), fixed cost id (fixed), 'review' */
  source: string;
}

export interface LineFigures {
  l1: Pico;
  l2: Pico;
  l3: Pico;
  l4: Pico;
  l5: Pico;
  requests: bigint;
  inputTokens: bigint;
  cachedTokens: bigint;
  outputTokens: bigint;
  acceptedWorkflows: bigint;
  /** nano GPU-hours reported by events */
  gpuNanoHours: bigint;
  /** nano useful output tokens of accepted workflows */
  usefulNano: bigint;
  /** nano-units of what an allocation line stands for: idle GPU-hours, or months of a fixed cost */
  quantityNano: bigint;
}

export type CostLine = LineKey & LineFigures;

/** A line as SQL returns it: numeric and bigint columns as text. */
export type LineRecord = LineKey & Record<keyof LineFigures, string>;

const FIGURES: ReadonlyArray<keyof LineFigures> = [
  'l1',
  'l2',
  'l3',
  'l4',
  'l5',
  'requests',
  'inputTokens',
  'cachedTokens',
  'outputTokens',
  'acceptedWorkflows',
  'gpuNanoHours',
  'usefulNano',
  'quantityNano',
];
const MONEY = new Set<keyof LineFigures>(['l1', 'l2', 'l3', 'l4', 'l5']);
const NANO = new Set<keyof LineFigures>(['gpuNanoHours', 'usefulNano', 'quantityNano']);

export function parseLine(record: LineRecord): CostLine {
  const figures = {} as LineFigures;
  for (const f of FIGURES) {
    const text = record[f];
    figures[f] = MONEY.has(f) ? parseDecimal(text, PICO_DIGITS) : NANO.has(f) ? parseDecimal(text, 9) : BigInt(text);
  }
  return { ...keyOf(record), ...figures };
}

export const keyOf = (l: LineKey): LineKey => ({
  day: l.day,
  team: l.team,
  workloadClass: l.workloadClass,
  model: l.model,
  provider: l.provider,
  pool: l.pool,
  kind: l.kind,
  source: l.source,
});

export const lineKey = (l: LineKey): string =>
  [l.day, l.team, l.workloadClass, l.model, l.provider, l.pool, l.kind, l.source].join('\u0000');

export const zeroFigures = (): LineFigures => Object.fromEntries(FIGURES.map((f) => [f, 0n])) as unknown as LineFigures;

export const lineTotal = (l: LineFigures): Pico => l.l1 + l.l2 + l.l3 + l.l4 + l.l5;

export function addFigures(into: LineFigures, from: LineFigures, sign: 1n | -1n = 1n): void {
  for (const f of FIGURES) into[f] += sign * from[f];
}

const isZero = (l: LineFigures) => FIGURES.every((f) => l[f] === 0n);

/**
 * What changed since a month was frozen: live - frozen - corrections already booked, per line.
 * Lines that did not move are left out; a line that disappeared comes back negative.
 */
export function diffLines(
  live: readonly CostLine[],
  frozen: readonly CostLine[],
  booked: readonly CostLine[] = [],
): CostLine[] {
  const byKey = new Map<string, CostLine>();
  const add = (lines: readonly CostLine[], sign: 1n | -1n) => {
    for (const line of lines) {
      const key = lineKey(line);
      let acc = byKey.get(key);
      if (!acc) byKey.set(key, (acc = { ...keyOf(line), ...zeroFigures() }));
      addFigures(acc, line, sign);
    }
  };
  add(live, 1n);
  add(frozen, -1n);
  add(booked, -1n);
  return [...byKey.values()].filter((l) => !isZero(l)).sort((a, b) => compareKeys(a, b));
}

function compareKeys(a: LineKey, b: LineKey): number {
  const ka = lineKey(a);
  const kb = lineKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sum of every line's money. */
export const totalOf = (lines: readonly LineFigures[]): Pico => lines.reduce((s, l) => s + lineTotal(l), 0n);
