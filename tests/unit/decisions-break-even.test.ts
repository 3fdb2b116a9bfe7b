import { describe, expect, it } from 'vitest';
import { breakEvenAnswer } from '@/lib/decisions/break-even-answer';
import { breakEven, costModel, poolCostAt, type BreakEvenInputs, type CostModel } from '@/lib/decisions/break-even';
import { frac, round, type Fraction } from '@/lib/decisions/fraction';
import { DemandCurve, planHybrid } from '@/lib/decisions/hybrid';

const PICO = 1_000_000_000_000n;
const HOUR_MS = 3_600_000n;
/** USD as a pico fraction; prices per 1M tokens as pico per token. */
const usd = (n: number) => frac(BigInt(Math.round(n * 1e6)) * 1_000_000n);
const per1m = (n: number) => frac(BigInt(Math.round(n * 1e6)), 1n);
const millions = (t: Fraction | null) => (t === null ? null : Number(round(t)) / 1e6);
const dollars = (p: Fraction) => Number(round(p)) / 1e12;

/** The linear model as the issue states it, figures given directly. */
function model(o: { api: number; poolMonth: number; ops: number; marginal: number }): CostModel {
  return {
    apiPerToken: per1m(o.api),
    poolPerToken: per1m(o.marginal),
    peakToAverage: frac(1n),
    poolPerTokenAtPeak: per1m(o.marginal),
    poolMonth: usd(o.poolMonth),
    fixedOps: usd(o.ops),
    capacity: null,
    observed: frac(1_000_000n),
    tokensPerGpuHour: null,
    gpuMonth: usd(0),
    monthScale: frac(1n),
  };
}

describe('break-even volume', () => {
  const cases = [
    {
      name: 'API 6.25/1M vs pool 1,800 + ops 5,000 a month breaks even at 6,800 / 6.25 = 1,088M tokens a month',
      m: model({ api: 6.25, poolMonth: 1800, ops: 5000, marginal: 0.46 }),
      want: 1088,
    },
    {
      name: 'past capacity the pool grows at 3.00/1M: 1,088M would need 3,264 > 1,800, so 5,000 / (6.25 - 3.00) = 1,538.46M',
      m: model({ api: 6.25, poolMonth: 1800, ops: 5000, marginal: 3 }),
      want: 1538.461538,
    },
    {
      name: 'no operations cost: 1,800 / 6.25 = 288M tokens a month',
      m: model({ api: 6.25, poolMonth: 1800, ops: 0, marginal: 0.46 }),
      want: 288,
    },
    {
      name: 'an API at 0.50/1M under a pool at 0.60/1M when full never breaks even',
      m: model({ api: 0.5, poolMonth: 1800, ops: 5000, marginal: 0.6 }),
      want: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(millions(breakEven(c.m))).toBe(c.want));
  }

  it('at the break-even both options cost the same: 6.25 x 1,088 = 6,800 = 5,000 + 1,800', () => {
    const m = model({ api: 6.25, poolMonth: 1800, ops: 5000, marginal: 0.46 });
    expect(dollars(poolCostAt(m, breakEven(m)!))).toBe(6800);
  });
});

describe('cost model from observed sums', () => {
  // 30 days of calls, 1M tokens every hour, costing 4,500 on the API (6.25/1M); outputs only (weight 1 per token).
  const flat = new DemandCurve(Array<bigint>(720).fill(1_000_000n));
  const inputs: BreakEvenInputs = {
    tokens: 720_000_000n,
    apiCost: 4500n * PICO,
    poolWeight: 720_000_000n * 10_000_000n,
    periodMs: 720n * HOUR_MS,
    // 2 GPUs always on at 4.00
    pool: { usdPerGpuHour: 4_000_000n, provisionedNanoHoursPerDay: 48n * 1_000_000_000n },
    // stated: 5.4M tokens per GPU-hour (1,500 a second)
    throughput: { weight: 5_400_000n * 10_000_000n, gpuNanoHours: 1_000_000_000n, source: 'stated' },
    fixedOpsPerMonth: 5000n * PICO,
  };
  const m = costModel(inputs, flat);
  /** pico per token as USD per 1M, to 6 decimals */
  const perMillion = (f: Fraction) => Number(round(f)) / 1e6;
  const cases: Array<[string, () => number | null, number]> = [
    ['4,500 / 720M tokens = 6.25 per 1M on the API', () => perMillion(m.apiPerToken), 6.25],
    ['2 GPUs x 24 h x 730/24 = 1,460 GPU-h x 4.00 = 5,840 a month', () => dollars(m.poolMonth), 5840],
    ['4.00 per GPU-h / 5.4M tokens per GPU-h = 0.740741 per 1M when full', () => perMillion(m.poolPerToken), 0.740741],
    ['a flat demand (peak = average) leaves it at 0.740741', () => perMillion(m.poolPerTokenAtPeak), 0.740741],
    ['capacity 1,460 GPU-h x 5.4M = 7,884M tokens a month', () => millions(m.capacity), 7884],
    ['720M in 720 h scaled to 730 h = 730M tokens a month observed', () => millions(m.observed), 730],
    ['break-even (5,000 + 5,840) / 6.25 = 1,734.4M tokens a month', () => millions(breakEven(m)), 1734.4],
  ];
  for (const [name, got, want] of cases) it(name, () => expect(got()).toBe(want));

  it('sized for the peak: half the hours at 2M, half idle: peak/average 2, 0.740741 x 2 = 1.481481 per 1M, capacity 7,884M / 2', () => {
    const peaky = new DemandCurve([...Array<bigint>(360).fill(2_000_000n), ...Array<bigint>(360).fill(0n)]);
    const pm = costModel(inputs, peaky);
    expect(perMillion(pm.poolPerTokenAtPeak)).toBe(1.481481);
    expect(millions(pm.capacity)).toBe(3942);
  });
});

describe('hybrid: a pool for the baseline, the API for the peaks', () => {
  // A 730-hour month: 710 hours at 10M tokens, 20 peak hours at 40M; a GPU serves 10M tokens an hour.
  const demand = new DemandCurve([...Array<bigint>(710).fill(10_000_000n), ...Array<bigint>(20).fill(40_000_000n)]);
  const m = costModel(
    {
      tokens: 7_900_000_000n,
      apiCost: 49_375n * PICO, // 7,900M x 6.25 / 1M
      poolWeight: 7_900_000_000n * 10_000_000n,
      periodMs: 730n * HOUR_MS,
      pool: { usdPerGpuHour: 2_500_000n, provisionedNanoHoursPerDay: 24n * 1_000_000_000n },
      throughput: { weight: 10_000_000n * 10_000_000n, gpuNanoHours: 1_000_000_000n, source: 'stated' },
      fixedOpsPerMonth: 0n,
    },
    demand,
  );

  it('1 GPU (1,825) + 20 h x 30M = 600M overflow x 6.25 (3,750) = 5,575; a 2nd GPU saves 1,250 < 1,825', () => {
    const h = planHybrid(m, demand)!;
    expect(h.gpus).toBe(1n);
    expect(dollars(h.gpuCost)).toBe(1825);
    expect(millions(h.overflowPerMonth)).toBe(600);
    expect(dollars(h.apiCost)).toBe(3750);
    expect(dollars(h.total)).toBe(5575);
  });

  it('the peak pool needs 40M / 10M = 4 GPUs = 7,300; all on the API 49,375', () => {
    const h = planHybrid(m, demand)!;
    expect(h.peakGpus).toBe(4n);
    expect(dollars(h.peakCost)).toBe(7300);
    expect(dollars({ n: m.apiPerToken.n * m.observed.n, d: m.apiPerToken.d * m.observed.d })).toBe(49_375);
  });

  it('the pool serves 1 - 600M / 7,900M = 92.4% of the tokens', () => {
    const h = planHybrid(m, demand)!;
    expect(Number(round({ n: h.poolShare.n * 1000n, d: h.poolShare.d }))).toBe(924);
  });

  it('a demand twice as high takes 2 GPUs: 2 x 1,825 + 20 h x 60M x 6.25/1M = 3,650 + 7,500 = 11,150', () => {
    const h = planHybrid(m, demand, frac(2n))!;
    expect(h.gpus).toBe(2n);
    expect(dollars(h.total)).toBe(11_150);
  });

  it('the answer recommends the hybrid, with its numbers, and no figure is NaN or Infinity', () => {
    const body = breakEvenAnswer(
      {
        tokens: 7_900_000_000n,
        apiCost: 49_375n * PICO,
        poolWeight: 7_900_000_000n * 10_000_000n,
        periodMs: 730n * HOUR_MS,
        pool: { usdPerGpuHour: 2_500_000n, provisionedNanoHoursPerDay: 24n * 1_000_000_000n },
        throughput: { weight: 10_000_000n * 10_000_000n, gpuNanoHours: 1_000_000_000n, source: 'stated' },
        fixedOpsPerMonth: 0n,
      },
      [...Array<bigint>(710).fill(10_000_000n), ...Array<bigint>(20).fill(40_000_000n)],
      {
        workloadClass: 'customer_support',
        pool: 'h100-a',
        api: { provider: 'openai', model: 'gpt-4o' },
        from: '2026-01-01',
        to: '2026-01-31',
        current: 'api',
      },
    );
    expect(body.recommendation).toMatchObject({ option: 'hybrid', saving_usd_per_month: '43800.000000' });
    // the pool sized for the 40M peak hour: 4 GPUs x 1,825 = 7,300 (0.25/1M x peak/average 40M / (7,900M / 730 h))
    expect(body.monthly_usd_at_observed).toEqual({ api: '49375.000000', pool: '7300.000000', hybrid: '5575.000000' });
    expect(body.pool_usd_per_month).toBe('1825.000000');
    // 1,825 / 6.25 per 1M = 292M tokens a month
    expect(body.break_even_tokens_per_month).toBe(292_000_000);
    expect(JSON.stringify(body)).not.toMatch(/NaN|Infinity/);
    expect(body.curve.map((p) => p.tokens_per_month)).toContain(body.observed_tokens_per_month);
  });
});
