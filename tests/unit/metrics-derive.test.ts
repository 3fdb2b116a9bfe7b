import { describe, expect, it } from 'vitest';
import { addToHistogram, bucketOf } from '@/lib/histogram';
import { deriveMetricsRow, type MetricSums, type MetricsRow } from '@/lib/metrics/derive';

const ZERO: MetricSums = {
  keys: {},
  requests: '0',
  unpriced: '0',
  fallbacks: '0',
  retries: '0',
  inputTokens: '0',
  cachedTokens: '0',
  outputTokens: '0',
  gpuHours: '0',
  eventReviewSeconds: 0,
  baseUsd: '0',
  l1Usd: '0',
  l2Usd: '0',
  l3Usd: '0',
  l4Usd: '0',
  workflows: '0',
  acceptedWorkflows: '0',
  rejectedWorkflows: '0',
  usefulOutputTokens: '0',
  outcomeReviewSeconds: 0,
  allocL2Usd: '0',
  idleUsd: '0',
  allocL4Usd: '0',
  allocL5Usd: '0',
  latencyHist: [],
  ttftHist: [],
};
const sums = (overrides: Partial<MetricSums>): MetricSums => ({ ...ZERO, ...overrides });
const derive = (overrides: Partial<MetricSums>) => deriveMetricsRow(sums(overrides), []);

/** cut-model.md 6 as the query returns it: 1,200 calls, 1,000 workflows, idle 72 allocated to L2. */
const WORKED_EXAMPLE = sums({
  requests: '1200',
  inputTokens: '2100000',
  outputTokens: '410000',
  gpuHours: '6.000000000',
  baseUsd: '24.140000000000',
  l2Usd: '20.666666667000',
  l3Usd: '3.333333333000',
  l4Usd: '0.140000000000',
  workflows: '1000',
  acceptedWorkflows: '800',
  rejectedWorkflows: '200',
  usefulOutputTokens: '240000.000000000',
  allocL2Usd: '72.000000000000',
  idleUsd: '72.000000000000',
});

describe('deriveMetricsRow: the worked example (cut-model.md 6)', () => {
  const row = deriveMetricsRow(WORKED_EXAMPLE, []);
  const cases: [string, keyof MetricsRow, unknown][] = [
    ['L2 = 20.666666667 direct + 72 idle = 92.666667', 'l2_usd', '92.666667'],
    ['L3 = 24 x 125/900 = 3.333333', 'l3_usd', '3.333333'],
    ['L4 = 200 x (500 x 1e-6 + 50 x 4e-6) = 0.140000', 'l4_usd', '0.140000'],
    ['TCO = 0 + 92.666666667 + 3.333333333 + 0.14 + 0 = 96.140000', 'tco_usd', '96.140000'],
    ['idle = 18 GPU-hours x 4.00 = 72.000000', 'idle_usd', '72.000000'],
    ['96.14 / 800 accepted = 0.120175 per resolved ticket', 'cost_per_accepted_workflow_usd', '0.120175'],
    ['96.14 x 1e6 / 240,000 useful tokens = 400.583333 per 1M', 'cut_usd_per_1m', '400.583333'],
    ['400.583333 per 1M = 400.583333 micro-dollars per token', 'cut_micro_usd_per_token', '400.583333'],
    ['24.14 x 1e6 / 410,000 output tokens = 58.878049 per 1M', 'sticker_usd_per_1m', '58.878049'],
    ['800 / (800 + 200) decided = 0.8 acceptance', 'acceptance_rate', 0.8],
    ['useful tokens 240000.000000000 = 240000', 'useful_output_tokens', 240_000],
    ['GPU-hours 6.000000000 = 6', 'gpu_hours', 6],
  ];
  it.each(cases)('%s', (_, field, expected) => {
    expect(row[field]).toEqual(expected);
  });

  it('CUT multiplier = (96.14 / 240,000) / (24.14 / 410,000) = 6.8036', () => {
    expect(row.cut_multiplier).toBeCloseTo(96.14 / 240_000 / (24.14 / 410_000), 12);
    expect(row.cut_multiplier?.toFixed(2)).toBe('6.80');
  });
});

describe('deriveMetricsRow: layers', () => {
  const cases = [
    {
      name: 'L2 = rollup 1 + allocated 2; L4 = rollup 3 + allocated 4; L5 = allocated 5; TCO = 0.5 + 3 + 0.25 + 7 + 5 = 15.75',
      input: {
        l1Usd: '0.5',
        l2Usd: '1',
        allocL2Usd: '2',
        l3Usd: '0.25',
        l4Usd: '3',
        allocL4Usd: '4',
        allocL5Usd: '5',
      },
      expected: ['15.750000', '0.500000', '3.000000', '0.250000', '7.000000', '5.000000'],
    },
    {
      name: 'L1 0.0000005 + L2 0.0000005 = TCO 0.000001: one layer carries the micro-dollar, not both',
      input: { l1Usd: '0.000000500000', l2Usd: '0.000000500000' },
      expected: ['0.000001', '0.000001', '0.000000', '0.000000', '0.000000', '0.000000'],
    },
    {
      name: 'five thirds of a micro-dollar: 5 x 0.000000333333 = 0.000001666665 -> TCO 0.000002 split 1 + 1',
      input: {
        l1Usd: '0.000000333333',
        l2Usd: '0.000000333333',
        l3Usd: '0.000000333333',
        l4Usd: '0.000000333333',
        allocL5Usd: '0.000000333333',
      },
      expected: ['0.000002', '0.000001', '0.000001', '0.000000', '0.000000', '0.000000'],
    },
  ];
  it.each(cases)('$name', ({ input, expected }) => {
    const row = derive(input);
    expect([row.tco_usd, row.l1_usd, row.l2_usd, row.l3_usd, row.l4_usd, row.l5_usd]).toEqual(expected);
  });
});

describe('deriveMetricsRow: unit costs in exact arithmetic', () => {
  const cases = [
    {
      name: 'TCO 1.00 / 3 accepted = 0.333333 per workflow',
      input: { l1Usd: '1', acceptedWorkflows: '3' },
      field: 'cost_per_accepted_workflow_usd' as const,
      expected: '0.333333',
    },
    {
      name: 'TCO 2.00 / 3 accepted = 0.666667 per workflow (half-up once)',
      input: { l1Usd: '2', acceptedWorkflows: '3' },
      field: 'cost_per_accepted_workflow_usd' as const,
      expected: '0.666667',
    },
    {
      name: 'TCO 1.00 x 1e6 / 3 useful tokens = 333333.333333 per 1M',
      input: { l1Usd: '1', usefulOutputTokens: '3.000000000' },
      field: 'cut_usd_per_1m' as const,
      expected: '333333.333333',
    },
    {
      name: 'TCO 0.000001 x 1e6 / 0.5 useful tokens = 2.000000 per 1M (fractional useful tokens)',
      input: { l1Usd: '0.000001', usefulOutputTokens: '0.500000000' },
      field: 'cut_usd_per_1m' as const,
      expected: '2.000000',
    },
    {
      name: 'TCO 10.00 x 1e6 / 1,234.567891234 useful tokens = 8100.0000656 -> 8100.000066 per 1M',
      input: { l1Usd: '10', usefulOutputTokens: '1234.567891234' },
      field: 'cut_usd_per_1m' as const,
      expected: '8100.000066',
    },
    {
      name: 'base 0.000004 x 1e6 / 3 output tokens = 1.333333 per 1M',
      input: { baseUsd: '0.000004', outputTokens: '3' },
      field: 'sticker_usd_per_1m' as const,
      expected: '1.333333',
    },
    {
      name: 'unpriced only: base 0 x 1e6 / 100 output = 0.000000 per 1M',
      input: { baseUsd: '0', outputTokens: '100' },
      field: 'sticker_usd_per_1m' as const,
      expected: '0.000000',
    },
  ];
  it.each(cases)('$name', ({ input, field, expected }) => {
    expect(derive(input)[field]).toBe(expected);
  });
});

describe('deriveMetricsRow: rates', () => {
  const cases = [
    {
      name: 'retry rate = 10 retries / (90 requests + 10 retries) attempts = 0.1',
      input: { requests: '90', retries: '10' },
      field: 'retry_rate' as const,
      expected: 0.1,
    },
    {
      name: 'cache hit rate = 500 cached / 2,000 input = 0.25',
      input: { inputTokens: '2000', cachedTokens: '500' },
      field: 'cache_hit_rate' as const,
      expected: 0.25,
    },
    {
      name: 'fallback rate = 3 fallbacks / 12 requests = 0.25',
      input: { requests: '12', fallbacks: '3' },
      field: 'fallback_rate' as const,
      expected: 0.25,
    },
    {
      name: 'acceptance rate = 3 accepted / (3 + 1 rejected) = 0.75; pending workflows do not count',
      input: { workflows: '10', acceptedWorkflows: '3', rejectedWorkflows: '1' },
      field: 'acceptance_rate' as const,
      expected: 0.75,
    },
    {
      name: 'human review = (1,800 s on events + 5,400 s on outcomes) / 3,600 = 2 hours',
      input: { eventReviewSeconds: 1800, outcomeReviewSeconds: 5400 },
      field: 'human_review_hours' as const,
      expected: 2,
    },
    {
      name: 'CUT multiplier = (1.00 / 100 useful) / (0.50 / 200 output) = 4',
      input: { l1Usd: '1', usefulOutputTokens: '100', baseUsd: '0.5', outputTokens: '200' },
      field: 'cut_multiplier' as const,
      expected: 4,
    },
  ];
  it.each(cases)('$name', ({ input, field, expected }) => {
    expect(derive(input)[field]).toBe(expected);
  });
});

describe('deriveMetricsRow: a zero denominator gives null, never NaN or Infinity', () => {
  const cases = [
    { name: 'cost per accepted workflow with 0 accepted', field: 'cost_per_accepted_workflow_usd' as const },
    { name: 'CUT per 1M with 0 useful tokens', field: 'cut_usd_per_1m' as const },
    { name: 'CUT in micro-dollars per token with 0 useful tokens', field: 'cut_micro_usd_per_token' as const },
    { name: 'sticker per 1M with 0 output tokens', field: 'sticker_usd_per_1m' as const },
    { name: 'CUT multiplier with a zero sticker', field: 'cut_multiplier' as const },
    { name: 'acceptance rate with 0 decided workflows', field: 'acceptance_rate' as const },
    { name: 'retry rate with 0 attempts', field: 'retry_rate' as const },
    { name: 'cache hit rate with 0 input tokens', field: 'cache_hit_rate' as const },
    { name: 'fallback rate with 0 requests', field: 'fallback_rate' as const },
    { name: 'p50 latency of an empty histogram', field: 'p50_latency_ms' as const },
    { name: 'p95 TTFT of an empty histogram', field: 'p95_ttft_ms' as const },
  ];
  // Idle capacity on a quiet day: cost, but no requests, tokens or workflows.
  const quietDay = derive({ l2Usd: '0', allocL2Usd: '96', idleUsd: '96', workflows: '2' });
  it.each(cases)('$name', ({ field }) => {
    expect(quietDay[field]).toBeNull();
  });

  it('the CUT multiplier is null when base is 0 but output is not (all unpriced)', () => {
    const row = derive({ l1Usd: '1', usefulOutputTokens: '10', baseUsd: '0', outputTokens: '10' });
    expect(row.sticker_usd_per_1m).toBe('0.000000');
    expect(row.cut_multiplier).toBeNull();
  });

  it('an empty group is zeros and nulls, money still 6-decimal strings', () => {
    expect(derive({})).toMatchObject({
      tco_usd: '0.000000',
      l5_usd: '0.000000',
      idle_usd: '0.000000',
      base_usd: '0.000000',
      requests: 0,
      human_review_hours: 0,
      cut_usd_per_1m: null,
      p99_latency_ms: null,
    });
  });
});

describe('deriveMetricsRow: percentiles from the merged histogram', () => {
  const hist = (values: number[]) => {
    const h: number[] = [];
    for (const v of values) addToHistogram(h, v);
    return h;
  };
  const mid = (ms: number) => Math.round(1.1 ** (bucketOf(ms) - 0.5) * 10) / 10;

  it('90 calls at 100 ms, 9 at 1,000 ms, 1 at 10,000 ms: p50 ~100, p95 ~1,000, p99 ~1,000', () => {
    const latencies = [...Array(90).fill(100), ...Array(9).fill(1000), 10_000];
    const row = derive({ latencyHist: hist(latencies), ttftHist: hist([50, 50, 400]) });
    expect(row.p50_latency_ms).toBe(mid(100));
    expect(row.p95_latency_ms).toBe(mid(1000));
    expect(row.p99_latency_ms).toBe(mid(1000));
    expect(row.p95_ttft_ms).toBe(mid(400));
  });
});

describe('deriveMetricsRow: group keys', () => {
  it('come first, in the order asked, a managed API as pool null', () => {
    const row = deriveMetricsRow(sums({ keys: { pool: null, team: 'support', day: '2026-05-04' } }), ['team', 'pool']);
    expect(Object.keys(row).slice(0, 3)).toEqual(['team', 'pool', 'tco_usd']);
    expect(row).toMatchObject({ team: 'support', pool: null });
    expect(row).not.toHaveProperty('day');
  });
});
