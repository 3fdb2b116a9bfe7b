import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates/days';
import { detectAnomalies, spearman, type ClassDayRow } from '@/lib/dashboard/anomalies';
import { metricsRow } from './row';

const START = '2026-03-01';

/** `days` days of one class: 500 requests a day, retry rate 4-6%, prompt 1,000 tokens, CUT 400-440. */
function steadyClass(days: number, tweak: (i: number, row: ClassDayRow) => ClassDayRow = (_, r) => r): ClassDayRow[] {
  return Array.from({ length: days }, (_, i) =>
    tweak(
      i,
      metricsRow({
        day: addDays(START, i),
        workload_class: 'support',
        requests: 500,
        input_tokens: 500 * 1000,
        retry_rate: 0.04 + (i % 3) * 0.01,
        cut_usd_per_1m: (400 + (i % 5) * 10).toFixed(6),
      }),
    ),
  );
}
const range = (days: number) => ({ from: addDays(START, 14), to: addDays(START, days - 1) });

describe('detectAnomalies: spikes', () => {
  it('steady figures give nothing', () => {
    expect(detectAnomalies(steadyClass(40), range(40))).toEqual([]);
  });

  it('a retry storm (50% on day 30, range 4-6%) is a spike on its day, with its recent range', () => {
    const rows = steadyClass(40, (i, r) => (i === 30 ? { ...r, retry_rate: 0.5 } : r));
    const found = detectAnomalies(rows, range(40));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'spike',
      workloadClass: 'support',
      figure: 'retry_rate',
      direction: 'up',
      day: addDays(START, 30),
      value: 0.5,
      recent: { low: 0.04, high: 0.06 },
    });
  });

  it('inside the margin is not a spike: range 400-440 (width 40, 25% of median 420 = 105), 540 < 440 + 105', () => {
    const rows = steadyClass(40, (i, r) => (i === 30 ? { ...r, cut_usd_per_1m: '540.000000' } : r));
    expect(detectAnomalies(rows, range(40))).toEqual([]);
    const beyond = steadyClass(40, (i, r) => (i === 30 ? { ...r, cut_usd_per_1m: '550.000000' } : r));
    expect(detectAnomalies(beyond, range(40)).map((a) => a.figure)).toEqual(['cut']);
  });

  it('a quiet day (under half the usual requests) is not judged, however odd its figures', () => {
    const rows = steadyClass(40, (i, r) => (i === 30 ? { ...r, requests: 200, retry_rate: 0.5 } : r));
    expect(detectAnomalies(rows, range(40))).toEqual([]);
  });

  it('fewer retries are never an anomaly; a prompt that halves is', () => {
    const rows = steadyClass(40, (i, r) => (i === 30 ? { ...r, retry_rate: 0, input_tokens: 500 * 400 } : r));
    expect(detectAnomalies(rows, range(40)).map((a) => [a.figure, a.direction])).toEqual([['prompt_length', 'down']]);
  });

  it('a day before the range is only a baseline: spikes are reported for days in the range', () => {
    const rows = steadyClass(40, (i, r) => (i === 20 ? { ...r, retry_rate: 0.5 } : r));
    expect(detectAnomalies(rows, { from: addDays(START, 25), to: addDays(START, 39) })).toEqual([]);
  });

  it('needs 5 comparable days before it: the first days of the data are not judged', () => {
    const rows = steadyClass(40, (i, r) => (i === 3 ? { ...r, retry_rate: 0.5 } : r));
    expect(detectAnomalies(rows, { from: START, to: addDays(START, 39) })).toEqual([]);
  });
});

describe('detectAnomalies: drifts', () => {
  it('a prompt creeping +0.5% a day over 60 days (+30%) is one drift, dated when the 7-day median passed +15%', () => {
    const rows = steadyClass(74, (i, r) => ({
      ...r,
      input_tokens: Math.round(500 * 1000 * (1 + 0.005 * Math.max(0, i - 14))),
    }));
    const found = detectAnomalies(rows, range(74));
    expect(found).toHaveLength(1);
    const drift = found[0]!;
    expect(drift).toMatchObject({ kind: 'drift', figure: 'prompt_length', direction: 'up', since: addDays(START, 14) });
    expect(drift.kind === 'drift' && drift.change).toBeGreaterThan(0.25);
    // 7-day median at day i is the value at i - 3: 1 + 0.005 (i - 17) >= ~1.15 * baseline(1.015) from i ~ 50
    expect(drift.day >= addDays(START, 45) && drift.day <= addDays(START, 55)).toBe(true);
  });

  it('a level shift that comes and goes is not a steady drift', () => {
    const rows = steadyClass(60, (i, r) => (i >= 30 && i < 45 ? { ...r, input_tokens: 500 * 1300 } : r));
    expect(detectAnomalies(rows, range(60)).filter((a) => a.kind === 'drift')).toEqual([]);
  });

  it('under 21 judged days there is no drift to speak of', () => {
    const rows = steadyClass(34, (i, r) => ({ ...r, input_tokens: 500 * (1000 + 20 * i) }));
    expect(detectAnomalies(rows, range(34)).filter((a) => a.kind === 'drift')).toEqual([]);
  });
});

describe('spearman', () => {
  it.each([
    { name: 'rising every step: 1', values: [1, 2, 3, 4], rho: 1 },
    { name: 'falling every step: -1', values: [4, 3, 2, 1], rho: -1 },
    { name: 'ties share their mean rank: [1, 1, 2] -> 0.866', values: [1, 1, 2], rho: Math.sqrt(3) / 2 },
    { name: 'a constant series: 0, not NaN', values: [5, 5, 5], rho: 0 },
  ])('$name', ({ values, rho }) => {
    expect(spearman(values)).toBeCloseTo(rho, 9);
  });
});
