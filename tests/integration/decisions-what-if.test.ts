import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPriceBook } from '@/db/writes/pricebook';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { MetricsRow } from '@/lib/metrics/derive';
import { makeEvent, makePrice } from '../support/events';
import { WORKED_DAY, workedExampleBook, workedExampleEvents } from '../support/worked-example';
import { freshDatabase, type TestDatabase } from './support/database';
import { decisionsApi, expectLayersAddUp } from './support/decisions-api';

/**
 * Two databases. `worked`: cut-model.md 6 alone (support on pool h100-a, 1 GPU at 4.00, 6 of 24
 * GPU-hours used). `mixed`: the same day plus 10 research calls on a managed API with retries and
 * a 31.00-a-month fixed cost weighted by direct cost (1.00 a day in May).
 */
let worked: TestDatabase;
let mixed: TestDatabase;
const DAY = { from: WORKED_DAY, to: WORKED_DAY };
const SUPPORT = { ...DAY, workload_class: 'customer_support' };
const RESEARCH = { ...DAY, workload_class: 'long_context_research' };

const researchCalls = () =>
  Array.from({ length: 10 }, (_, i) =>
    makeEvent({
      id: `r${i}`,
      team: 'research',
      workloadClass: 'long_context_research',
      timestamp: new Date(`${WORKED_DAY}T12:00:00Z`),
      inputTokens: 10_000,
      retrievedTokens: 4000,
      outputTokens: 1000,
      retryCount: 1,
      acceptanceStatus: 'accepted',
    }),
  );

beforeAll(async () => {
  [worked, mixed] = await Promise.all([freshDatabase(), freshDatabase()]);
  await insertPriceBook(worked, workedExampleBook, 'test');
  await writeEventBatch(worked, workedExampleEvents(), await getIngestContext(worked));
  await insertPriceBook(
    mixed,
    {
      ...workedExampleBook,
      modelPrices: [...workedExampleBook.modelPrices, makePrice()],
      fixedCosts: [
        { name: 'audit', layer: 5, category: 'audit', monthlyUsd: '31', rule: 'weighted', effectiveFrom: '2026-05-01' },
      ],
    },
    'test',
  );
  await writeEventBatch(mixed, [...workedExampleEvents(), ...researchCalls()], await getIngestContext(mixed));
});
afterAll(async () => {
  await Promise.all([worked?.destroy(), mixed?.destroy()]);
});

const layers = (r: MetricsRow) => [r.l1_usd, r.l2_usd, r.l3_usd, r.l4_usd, r.l5_usd];

describe('what-if on the worked example (support on a pool with 18 idle GPU-hours)', () => {
  it('no changes: baseline and projection are the metrics row itself (96.14, L2 92.67, L3 3.33, L4 0.14)', async () => {
    const api = decisionsApi(worked);
    const answer = await api.whatIfOk({ ...SUPPORT, changes: {} });
    const metrics = await api.metricsRow(SUPPORT);
    expect(answer.baseline).toEqual(metrics);
    expect(answer.projected).toEqual(metrics);
    expect(layers(metrics)).toEqual(['0.000000', '92.666667', '3.333333', '0.140000', '0.000000']);
    expect(answer.organisation).toEqual({ baseline_tco_usd: '96.140000', projected_tco_usd: '96.140000' });
    expect(answer.notes).toEqual([]);
  });

  it('retrieved -100%: GPU time 0.006 x 775/900 per call; L3 3.33 -> 0 becomes idle, L2 = 96.00, TCO stays 96.14', async () => {
    const { baseline, projected } = await decisionsApi(worked).whatIfOk({
      ...SUPPORT,
      changes: { retrieved_tokens_cut_pct: 100 },
    });
    // 1,000 x 0.005166667 GPU-h x 4.00 = 20.666668 on the calls; (24 - 5.166667) x 4.00 = 75.333332 idle
    expect(layers(projected)).toEqual(['0.000000', '96.000000', '0.000000', '0.140000', '0.000000']);
    expect(projected.idle_usd).toBe('75.333332');
    expect(projected.gpu_hours).toBe(5.166667);
    expect(projected.input_tokens).toBe(baseline.input_tokens - 500_000);
    expect(projected.tco_usd).toBe(baseline.tco_usd);
    expect(projected.useful_output_tokens).toBe(240_000);
    expectLayersAddUp(projected);
  });

  it('output -50%: 300 visible -> 150; L3 = 20.00 x 125/750, TCO stays 96.14, useful 120,000, CUT doubles to 801.17', async () => {
    const { projected } = await decisionsApi(worked).whatIfOk({ ...SUPPORT, changes: { output_tokens_cut_pct: 50 } });
    // GPU time 0.006 x 750/900 = 0.005 h a call: 20.00 on the calls, (24 - 5) x 4 = 76.00 idle
    expect(layers(projected)).toEqual(['0.000000', '92.666667', '3.333333', '0.140000', '0.000000']);
    expect(projected.idle_usd).toBe('76.000000');
    expect(projected.output_tokens).toBe(250_000 + 10_000);
    expect(projected.useful_output_tokens).toBe(120_000);
    // 96.14 x 1e6 / 120,000
    expect(projected.cut_usd_per_1m).toBe('801.166667');
  });

  it('acceptance +10 points: 800 -> 900 of 1,000 decided; no layer moves; 96.14 / 900 = 0.106822 a ticket', async () => {
    const { baseline, projected } = await decisionsApi(worked).whatIfOk({
      ...SUPPORT,
      changes: { acceptance_rate_points: 10 },
    });
    expect(layers(projected)).toEqual(layers(baseline));
    expect([projected.accepted_workflows, projected.rejected_workflows]).toEqual([900, 100]);
    expect(projected.useful_output_tokens).toBe(270_000);
    expect(projected.cost_per_accepted_workflow_usd).toBe('0.106822');
    expect(projected.acceptance_rate).toBe(0.9);
  });

  it('moved to the judge API (1.00/4.00): 3.60 of calls (L1 3.10, L3 0.50); the pool bills its 96.00 to nobody', async () => {
    const api = decisionsApi(worked);
    const moved = await api.whatIfOk({ ...SUPPORT, changes: { model: { provider: 'openai', model: 'judge' } } });
    // a call: 2,000 x 1.00 + 400 x 4.00 = 0.0036, of which 500/3,600 retrieved -> L3
    expect(layers(moved.projected)).toEqual(['3.100000', '0.000000', '0.500000', '0.140000', '0.000000']);
    expect(moved.projected.idle_usd).toBe('0.000000');
    expect(moved.organisation).toEqual({ baseline_tco_usd: '96.140000', projected_tco_usd: '99.740000' });
    // releasing the GPU too: the organisation pays 3.74
    const released = await api.whatIfOk({
      ...SUPPORT,
      changes: { model: { provider: 'openai', model: 'judge' }, pool_gpu_counts: { 'h100-a': 0 } },
    });
    expect(released.organisation.projected_tco_usd).toBe('3.740000');
  });

  it('a stated throughput applies to calls that move: support already on h100-a keeps its measured GPU time', async () => {
    const { projected, notes } = await decisionsApi(worked).whatIfOk({
      ...SUPPORT,
      changes: { pool: { name: 'h100-a', tokens_per_gpu_hour: 90_000 } },
    });
    // support is already on h100-a: its calls keep their measured GPU time, nothing moves
    expect(projected.tco_usd).toBe('96.140000');
    expect(notes.join(' ')).toMatch(/stated throughput: 90,000 output-equivalent tokens per GPU-hour/);
  });
});

describe('what-if with a managed class and a weighted fixed cost (mixed)', () => {
  it('retries capped at 0: tokens halve, the retry share 0.07 leaves L3, L1 stays 0.05; L5 follows direct cost', async () => {
    const api = decisionsApi(mixed);
    const { baseline, projected, organisation } = await api.whatIfOk({ ...RESEARCH, changes: { max_retries: 0 } });
    expect(baseline).toEqual(await api.metricsRow(RESEARCH));
    // a call: 10,000 x 1.00 + 1,000 x 4.00 = 0.014; retry half 0.007; retrieved 4,000/14,000 of the rest 0.002
    expect([baseline.l1_usd, baseline.l3_usd]).toEqual(['0.050000', '0.090000']);
    // capped: 5,000 x 1.00 + 500 x 4.00 = 0.007; no retry; retrieved 2,000/7,000 of it = 0.002
    expect([projected.l1_usd, projected.l2_usd, projected.l3_usd, projected.l4_usd]).toEqual([
      '0.050000',
      '0.000000',
      '0.020000',
      '0.000000',
    ]);
    // 1.00 a day weighted by direct cost: 0.14 of 24.28, then 0.07 of 24.21
    expect(baseline.l5_usd).toBe('0.005766');
    expect(projected.l5_usd).toBe('0.002891');
    expect(projected.retry_rate).toBe(0);
    // the fixed cost stays 1.00: the organisation saves just the 0.07 of calls
    expect(Number(organisation.baseline_tco_usd) - Number(organisation.projected_tco_usd)).toBeCloseTo(0.07, 9);
  });

  it('cache hit rate to 0.5 on research: 5,000 of 10,000 cached at 0.10: L1 and L3 shrink, L2 and L4 do not move', async () => {
    const { baseline, projected } = await decisionsApi(mixed).whatIfOk({
      ...RESEARCH,
      changes: { cache_hit_rate: 0.5 },
    });
    // a call: 5,000 x 1.00 + 5,000 x 0.10 + 1,000 x 4.00 = 0.0095; retry half 0.00475;
    // retrieved 4,000 x 1.00 / 9,500 of the rest = 0.002; L1 0.00275
    expect([projected.l1_usd, projected.l3_usd]).toEqual(['0.027500', '0.067500']);
    expect([projected.l2_usd, projected.l4_usd]).toEqual([baseline.l2_usd, baseline.l4_usd]);
    expect(projected.cache_hit_rate).toBe(0.5);
  });

  it('support cuts retrieved context: direct 24.14 -> 20.81 (the rest turns idle), its share of the 1.00 follows', async () => {
    const api = decisionsApi(mixed);
    const support = await api.whatIfOk({ ...SUPPORT, changes: { retrieved_tokens_cut_pct: 100 } });
    expect(support.baseline).toEqual(await api.metricsRow(SUPPORT));
    // weighted by direct cost: 24.14 / 24.28 before, 20.806668 / 20.946668 after
    expect([support.baseline.l5_usd, support.projected.l5_usd]).toEqual(['0.994234', '0.993316']);
    // GPU time the calls no longer use is idle the pool still bills: the organisation pays the same
    expect(support.organisation.projected_tco_usd).toBe(support.organisation.baseline_tco_usd);
    expectLayersAddUp(support.projected);
  });
});

describe('what-if refuses what it cannot answer, naming the field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'a percentage over 100',
      { ...SUPPORT, changes: { output_tokens_cut_pct: 101 } },
      /^changes\.output_tokens_cut_pct: must be between 0 and 100/,
    ],
    [
      'a negative percentage',
      { ...SUPPORT, changes: { input_tokens_cut_pct: -5 } },
      /^changes\.input_tokens_cut_pct: must be between 0 and 100/,
    ],
    [
      'a cache hit rate over 1',
      { ...SUPPORT, changes: { cache_hit_rate: 1.5 } },
      /^changes\.cache_hit_rate: must be between 0 and 1/,
    ],
    [
      'acceptance beyond 100 points',
      { ...SUPPORT, changes: { acceptance_rate_points: 120 } },
      /^changes\.acceptance_rate_points:/,
    ],
    [
      'a fractional retry cap',
      { ...SUPPORT, changes: { max_retries: 1.5 } },
      /^changes\.max_retries: must be an integer/,
    ],
    [
      'a model with no price',
      { ...SUPPORT, changes: { model: { provider: 'openai', model: 'gpt-9' } } },
      /^changes\.model: no price for openai\/gpt-9/,
    ],
    [
      'a pool that does not exist',
      { ...SUPPORT, changes: { pool: { name: 'tpu-z' } } },
      /^changes\.pool\.name: no pool named "tpu-z"; pools: h100-a/,
    ],
    [
      'resizing a pool that does not exist',
      { ...SUPPORT, changes: { pool_gpu_counts: { 'tpu-z': 2 } } },
      /^changes\.pool_gpu_counts\.tpu-z: no pool named/,
    ],
    [
      'both a model and a pool',
      { ...SUPPORT, changes: { model: { provider: 'openai', model: 'judge' }, pool: { name: 'h100-a' } } },
      /^changes\.pool: give either model or pool/,
    ],
    ['an unknown change', { ...SUPPORT, changes: { shorter: true } }, /^changes\.shorter: is not a known field/],
    [
      'an empty period',
      { from: '2026-01-01', to: '2026-01-31', changes: {} },
      /^from: no telemetry from 2026-01-01 to 2026-01-31/,
    ],
    [
      'a class with no calls in the period',
      { ...DAY, workload_class: 'agentic_coding', changes: {} },
      /^workload_class: no calls of agentic_coding/,
    ],
    ['to before from', { from: '2026-05-04', to: '2026-05-01', changes: {} }, /^to: must be on or after from/],
    ['a bad date', { from: 'May 4', to: '2026-05-04', changes: {} }, /^from: must be a date YYYY-MM-DD/],
  ];
  for (const [name, body, message] of cases) {
    it(`400 for ${name}`, async () => {
      const { status, body: answer } = await decisionsApi(worked).whatIf(body);
      expect(status).toBe(400);
      expect((answer as { error: { message: string } }).error.message).toMatch(message);
    });
  }

  it('a pool that reported no GPU time needs a stated throughput', async () => {
    const api = decisionsApi(mixed);
    await mixed.query(`update daily_rollups set gpu_hours = 0 where pool = 'h100-a'`);
    try {
      const { status, body } = await api.whatIf({ ...RESEARCH, changes: { pool: { name: 'h100-a' } } });
      expect(status).toBe(400);
      expect((body as { error: { message: string } }).error.message).toMatch(
        /^changes\.pool\.tokens_per_gpu_hour: pool h100-a reported no GPU time/,
      );
    } finally {
      await mixed.query(`update daily_rollups set gpu_hours = 6 where pool = 'h100-a'`);
    }
  });
});
