import { describe, expect, it } from 'vitest';
import type { WhatIfBody } from '@/lib/api/what-if-wire';
import type { BreakEvenBody } from '@/lib/decisions/break-even-answer';
import {
  API_SERIES,
  breakEvenChartRows,
  HYBRID_SERIES,
  layerChartRows,
  OBSERVED_SERIES,
  POOL_SERIES,
  whatIfComparison,
} from '@/lib/decisions/panel-data';
import { changesBody, UNCHANGED } from '@/lib/decisions/panel-settings';
import type { MetricsRow } from '@/lib/metrics/derive';

const row = (overrides: Partial<MetricsRow>): MetricsRow =>
  ({
    tco_usd: '96.140000',
    l1_usd: '0.000000',
    l2_usd: '92.666667',
    l3_usd: '3.333333',
    l4_usd: '0.140000',
    l5_usd: '0.000000',
    idle_usd: '72.000000',
    cost_per_accepted_workflow_usd: '0.120175',
    cut_usd_per_1m: '400.583333',
    sticker_usd_per_1m: '58.878049',
    accepted_workflows: 800,
    useful_output_tokens: 240_000,
    input_tokens: 2_100_000,
    output_tokens: 410_000,
    ...overrides,
  }) as MetricsRow;

describe('what-if comparison rows', () => {
  const body = {
    baseline: row({}),
    projected: row({
      tco_usd: '3.740000',
      l1_usd: '3.100000',
      l2_usd: '0.000000',
      l3_usd: '0.500000',
      idle_usd: '0.000000',
    }),
    organisation: { baseline_tco_usd: '96.140000', projected_tco_usd: '99.740000' },
  } as WhatIfBody;
  const rows = whatIfComparison(body);
  const by = (key: string) => rows.find((r) => r.key === key)!;

  it('exact changes: TCO 96.14 -> 3.74 is -92.40 (-96.1%); L1 0 -> 3.10 has no percentage', () => {
    expect(by('tco_usd')).toMatchObject({ change: '-92.400000', changePct: -96.1 });
    expect(by('l1_usd')).toMatchObject({ change: '3.100000', changePct: null });
    expect(by('l4_usd')).toMatchObject({ change: '0.000000', changePct: 0 });
  });

  it('the organisation line: 96.14 -> 99.74 is +3.60 (+3.7%)', () => {
    expect(by('organisation_tco_usd')).toMatchObject({ change: '3.600000', changePct: 3.7 });
  });

  it('a null ratio (no accepted work) has no change', () => {
    const none = whatIfComparison({ ...body, projected: row({ cut_usd_per_1m: null }) });
    expect(none.find((r) => r.key === 'cut_usd_per_1m')).toMatchObject({
      projected: null,
      change: null,
      changePct: null,
    });
  });

  it('the layer chart has the five layers, observed and projected, as numbers', () => {
    expect(layerChartRows(rows)).toEqual([
      { layer: 'L1', Observed: 0, 'What-if': 3.1 },
      { layer: 'L2', Observed: 92.666667, 'What-if': 0 },
      { layer: 'L3', Observed: 3.333333, 'What-if': 0.5 },
      { layer: 'L4', Observed: 0.14, 'What-if': 0.14 },
      { layer: 'L5', Observed: 0, 'What-if': 0 },
    ]);
  });
});

describe('break-even chart rows', () => {
  it('the observed volume is the one point of its series, at the cost of what runs today', () => {
    const body = {
      current: 'pool',
      observed_tokens_per_month: 73_000_000,
      curve: [
        { tokens_per_month: 0, api_usd: '0.000000', pool_usd: '2920.000000', hybrid_usd: '0.000000' },
        { tokens_per_month: 73_000_000, api_usd: '109.500000', pool_usd: '2920.000000', hybrid_usd: null },
      ],
    } as BreakEvenBody;
    expect(breakEvenChartRows(body)).toEqual([
      { tokens: 0, [API_SERIES]: 0, [POOL_SERIES]: 2920, [HYBRID_SERIES]: 0 },
      { tokens: 73_000_000, [API_SERIES]: 109.5, [POOL_SERIES]: 2920, [OBSERVED_SERIES]: 2920 },
    ]);
  });
});

describe('what-if panel settings to a request', () => {
  const cases: Array<[string, Partial<typeof UNCHANGED>, Record<string, unknown>]> = [
    ['untouched asks for nothing', {}, {}],
    [
      'sliders become percentages',
      { inputCutPct: 20, outputCutPct: 10, acceptancePoints: -5 },
      { input_tokens_cut_pct: 20, output_tokens_cut_pct: 10, acceptance_rate_points: -5 },
    ],
    ['a cache hit rate of 60% is 0.6', { cacheHitPct: 60 }, { cache_hit_rate: 0.6 }],
    ['a retry cap of 0 is sent; a blank or bad one is not', { maxRetries: '0' }, { max_retries: 0 }],
    ['a blank retry cap', { maxRetries: ' ' }, {}],
    [
      'a model keeps the slash in its name',
      { route: 'model:together/meta-llama/Llama-3' },
      { model: { provider: 'together', model: 'meta-llama/Llama-3' } },
    ],
    [
      'a pool with stated throughput and GPUs',
      { route: 'pool:h100-a', tokensPerGpuHour: '900000', poolGpus: '3' },
      { pool: { name: 'h100-a', tokens_per_gpu_hour: 900_000 }, pool_gpu_counts: { 'h100-a': 3 } },
    ],
    [
      'a pool measured as it is',
      { route: 'pool:h100-a', tokensPerGpuHour: '', poolGpus: '' },
      { pool: { name: 'h100-a' } },
    ],
  ];
  for (const [name, settings, want] of cases) {
    it(name, () => expect(changesBody({ ...UNCHANGED, ...settings })).toEqual(want));
  }
});
