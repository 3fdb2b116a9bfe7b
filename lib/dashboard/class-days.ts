import type { MetricsRow } from '../metrics/derive';

/**
 * The few figures the Overview reads per class and day (CUT lines and anomalies). Keeping only
 * these cuts what the server serializes into the page about fourfold for 90 days of five classes.
 */
const CLASS_DAY_FIELDS = [
  'day',
  'workload_class',
  'requests',
  'input_tokens',
  'retry_rate',
  'cut_usd_per_1m',
  'tco_usd',
  'useful_output_tokens',
] as const;

export type ClassDay = Pick<MetricsRow, (typeof CLASS_DAY_FIELDS)[number]>;

export function toClassDays(rows: readonly MetricsRow[]): ClassDay[] {
  return rows.map((r) => {
    const out: Partial<ClassDay> = {};
    for (const f of CLASS_DAY_FIELDS) (out as Record<string, unknown>)[f] = r[f];
    return out as ClassDay;
  });
}
