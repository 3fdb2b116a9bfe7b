import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/metrics/route';
import { setDatabase } from '@/db/instance';
import { ensureAdminKey } from '@/db/writes/keys';
import { bucketOf, RELATIVE_ERROR } from '@/lib/histogram';
import type { MetricsRow } from '@/lib/metrics/derive';
import type { GroupKey } from '@/lib/metrics/keys';
import { parseDecimal } from '@/lib/money';
import { freshDatabase, type TestDatabase } from './support/database';
import { D1, D2, D3, D4, loadFixture, loadWorkedExample } from './support/metrics-fixture';

/**
 * Two databases. `db`: a small fixture in the America/Los_Angeles reporting zone whose workflow
 * figures and allocations are written by hand and whose days are marked settled, so these tests
 * pin the read path alone. `worked`: cut-model.md 6 ingested and settled for real by the route.
 */
let db: TestDatabase;
let worked: TestDatabase;

const MONEY = ['tco_usd', 'l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd', 'idle_usd', 'base_usd'] as const;
const PER_UNIT = ['cost_per_accepted_workflow_usd', 'cut_usd_per_1m', 'cut_micro_usd_per_token', 'sticker_usd_per_1m'];
const COUNTS = [
  'requests',
  'unpriced_requests',
  'workflows',
  'accepted_workflows',
  'rejected_workflows',
  'input_tokens',
  'output_tokens',
  'useful_output_tokens',
] as const;

const ADMIN_KEY = 'metrics-test-admin-key';

async function get(database: TestDatabase, query: string): Promise<{ status: number; body: unknown }> {
  setDatabase(database);
  const response = await GET(
    new Request(`http://cut.test/api/v1/metrics?${query}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } }),
  );
  return { status: response.status, body: await response.json() };
}

async function rows(query: string, database = db): Promise<MetricsRow[]> {
  const { status, body } = await get(database, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body as { rows: MetricsRow[] }).rows;
}

const micro = (usd: string) => parseDecimal(usd, 6);
const sumMicro = (list: MetricsRow[], field: (typeof MONEY)[number]) => list.reduce((a, r) => a + micro(r[field]), 0n);
/** Where a latency lands once bucketed: the middle of its bucket, to 0.1 ms. */
const bucketed = (ms: number) => Math.round(1.1 ** (bucketOf(ms) - 0.5) * 10) / 10;

function expectLayersAddUp(row: MetricsRow) {
  const layers = (['l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd'] as const).reduce((a, f) => a + micro(row[f]), 0n);
  expect(layers, JSON.stringify(row)).toBe(micro(row.tco_usd));
}

beforeAll(async () => {
  [db, worked] = await Promise.all([freshDatabase(), freshDatabase()]);
  await Promise.all([loadFixture(db), loadWorkedExample(worked)]);
  await Promise.all([ensureAdminKey(db, ADMIN_KEY), ensureAdminKey(worked, ADMIN_KEY)]);
});
afterAll(async () => {
  await Promise.all([db?.destroy(), worked?.destroy()]);
});

const RANGE = `from=${D1}&to=${D4}`;

describe('GET /api/v1/metrics: the total', () => {
  it('no group_by gives one row with every figure of the fixture', async () => {
    expect(await rows(RANGE)).toEqual([
      {
        // 0.00155 + 0.002 + 0.030 | 1.00 + 47 + 48 + 1.25 | 0.00155 + 0.015 | 30 + 2.5 + 10 | 10
        tco_usd: '149.800100',
        l1_usd: '0.033550',
        l2_usd: '97.250000',
        l3_usd: '0.016550',
        l4_usd: '42.500000',
        l5_usd: '10.000000',
        idle_usd: '95.000000',
        // the layer-2 fixed cost: 97.25 = 1.00 direct + 95 idle + 1.25 fixed
        l2_fixed_usd: '1.250000',
        base_usd: '1.050100',
        requests: 5,
        unpriced_requests: 1,
        workflows: 5,
        accepted_workflows: 2,
        rejected_workflows: 1,
        input_tokens: 14_000,
        output_tokens: 1950,
        useful_output_tokens: 1250,
        gpu_hours: 0.5,
        // 149.8001 / 2
        cost_per_accepted_workflow_usd: '74.900050',
        // 149.8001 x 1e6 / 1,250
        cut_usd_per_1m: '119840.080000',
        cut_micro_usd_per_token: '119840.080000',
        // 1.0501 x 1e6 / 1,950 = 538.5128205...
        sticker_usd_per_1m: '538.512821',
        cut_multiplier: expect.closeTo(149.8001 / 1250 / (1.0501 / 1950), 9),
        acceptance_rate: 2 / 3,
        retry_rate: 1 / 6,
        cache_hit_rate: 1000 / 14_000,
        fallback_rate: 1 / 5,
        // (1,800 s on e2 + 600 s on its outcome) / 3,600
        human_review_hours: 0.666667,
        // latencies 100, 200, 400, 1000, 3000 ms; TTFT 50, 800 ms
        p50_latency_ms: bucketed(400),
        p95_latency_ms: bucketed(3000),
        p99_latency_ms: bucketed(3000),
        p95_ttft_ms: bucketed(800),
      },
    ]);
  });

  it('an empty range is still one total row: zeros, and null for every ratio', async () => {
    const [total, ...rest] = await rows('from=2026-01-01&to=2026-01-31');
    expect(rest).toEqual([]);
    expect(total).toMatchObject({ tco_usd: '0.000000', l5_usd: '0.000000', requests: 0, workflows: 0 });
    for (const field of [...PER_UNIT, 'cut_multiplier', 'acceptance_rate', 'retry_rate', 'p50_latency_ms'] as const) {
      expect(total![field as keyof MetricsRow], field).toBeNull();
    }
    expect(await rows('from=2026-01-01&to=2026-01-31&group_by=day')).toEqual([]);
  });
});

/** Each key alone: its groups in ascending order with their TCO (the fixture's arithmetic). */
const BY_KEY: Record<GroupKey, [string | null, string][]> = {
  day: [
    [D1, '10.003100'], // e1 0.0031 + audit 10
    [D2, '42.502000'], // e2 0.002 + review 30 + eval 2.5 + review 10; e5 unpriced
    [D3, '49.295000'], // e3 0.045 + e4 1.00 + idle 47 + network 1.25
    [D4, '48.000000'], // idle only
  ],
  // D1 is a Sunday in Los Angeles (Monday in UTC): it closes the week of 2026-03-23
  week: [
    ['2026-03-23', '10.003100'],
    ['2026-03-30', '139.797000'],
  ],
  // e2 and e5 happen on April 1 in UTC but March 31 in Los Angeles
  month: [
    ['2026-03', '52.505100'],
    ['2026-04', '97.295000'],
  ],
  team: [
    ['platform', '10.000000'],
    ['research', '97.295000'],
    ['support', '42.505100'],
  ],
  workload_class: [
    ['customer_support', '42.505100'],
    ['internal_knowledge_assistant', '10.000000'],
    ['long_context_research', '97.295000'],
  ],
  model: [
    ['claude-test', '1.295000'],
    ['gpt-test', '52.505100'],
    ['llama', '96.000000'],
    ['mystery', '0.000000'],
  ],
  // a managed API has no pool
  pool: [
    [null, '53.800100'],
    ['gpu-a', '96.000000'],
  ],
  provider: [
    ['anthropic', '1.295000'],
    ['openai', '52.505100'],
    ['self-hosted', '96.000000'],
  ],
};

describe('GET /api/v1/metrics: group_by', () => {
  it.each(Object.entries(BY_KEY))('group_by=%s', async (key, expected) => {
    const [total] = await rows(RANGE);
    const grouped = await rows(`${RANGE}&group_by=${key}`);
    expect(grouped.map((r) => [r[key as GroupKey], r.tco_usd])).toEqual(expected);
    grouped.forEach(expectLayersAddUp);
    // the groups partition the total: nothing lost, nothing counted twice
    for (const field of MONEY) expect(sumMicro(grouped, field), field).toBe(micro(total![field]));
    for (const field of COUNTS)
      expect(
        grouped.reduce((a, r) => a + r[field], 0),
        field,
      ).toBe(total![field]);
  });

  it('group_by=day,team gives one row per day and team, sorted by day then team', async () => {
    const grouped = await rows(`${RANGE}&group_by=day,team`);
    expect(grouped.map((r) => [r.day, r.team, r.tco_usd, r.requests])).toEqual([
      [D1, 'platform', '10.000000', 0],
      [D1, 'support', '0.003100', 1],
      [D2, 'support', '42.502000', 2],
      [D3, 'research', '49.295000', 2],
      [D4, 'research', '48.000000', 0],
    ]);
    grouped.forEach(expectLayersAddUp);
  });

  it('group_by=month,workload_class,model', async () => {
    const grouped = await rows(`${RANGE}&group_by=month,workload_class,model`);
    expect(grouped.map((r) => [r.month, r.workload_class, r.model, r.tco_usd])).toEqual([
      ['2026-03', 'customer_support', 'gpt-test', '42.505100'],
      ['2026-03', 'customer_support', 'mystery', '0.000000'],
      ['2026-03', 'internal_knowledge_assistant', 'gpt-test', '10.000000'],
      ['2026-04', 'long_context_research', 'claude-test', '1.295000'],
      ['2026-04', 'long_context_research', 'llama', '96.000000'],
    ]);
    expect(Object.keys(grouped[0]!).slice(0, 4)).toEqual(['month', 'workload_class', 'model', 'tco_usd']);
    grouped.forEach(expectLayersAddUp);
  });

  it('grouping by team and adding the rows up gives the ungrouped total exactly', async () => {
    const [total] = await rows(RANGE);
    const teams = await rows(`${RANGE}&group_by=team`);
    const added = Object.fromEntries(MONEY.map((f) => [f, sumMicro(teams, f)]));
    expect(added).toEqual(Object.fromEntries(MONEY.map((f) => [f, micro(total![f])])));
    for (const field of COUNTS)
      expect(
        teams.reduce((a, r) => a + r[field], 0),
        field,
      ).toBe(total![field]);
  });
});

describe('GET /api/v1/metrics: filters', () => {
  const cases = [
    { name: 'team=research', query: 'team=research', tco: '97.295000', requests: 2 },
    { name: 'two teams and one model', query: 'team=support,research&model=gpt-test', tco: '42.505100', requests: 2 },
    { name: 'pool=gpu-a', query: 'pool=gpu-a', tco: '96.000000', requests: 1 },
    { name: 'provider=anthropic', query: 'provider=anthropic', tco: '1.295000', requests: 1 },
    {
      name: 'a workload class with fixed costs and no events',
      query: 'workload_class=internal_knowledge_assistant',
      tco: '10.000000',
      requests: 0,
    },
    { name: 'a value nothing has', query: 'model=nothing-here', tco: '0.000000', requests: 0 },
  ];
  it.each(cases)('$name', async ({ query, tco, requests }) => {
    const [total, ...rest] = await rows(`${RANGE}&${query}`);
    expect(rest).toEqual([]);
    expect(total).toMatchObject({ tco_usd: tco, requests });
    expectLayersAddUp(total!);
  });

  it('a filter narrows grouped rows too', async () => {
    const grouped = await rows(`${RANGE}&group_by=day&team=support`);
    expect(grouped.map((r) => [r.day, r.tco_usd])).toEqual([
      [D1, '0.003100'],
      [D2, '42.502000'],
    ]);
  });
});

describe('GET /api/v1/metrics: zero denominators and money', () => {
  it('a quiet day with only idle capacity has cost and null for every ratio', async () => {
    const quiet = (await rows(`${RANGE}&group_by=day`)).find((r) => r.day === D4)!;
    expect(quiet).toMatchObject({ tco_usd: '48.000000', l2_usd: '48.000000', idle_usd: '48.000000', requests: 0 });
    for (const field of [
      ...PER_UNIT,
      'cut_multiplier',
      'acceptance_rate',
      'retry_rate',
      'cache_hit_rate',
      'fallback_rate',
      'p50_latency_ms',
      'p95_latency_ms',
      'p99_latency_ms',
      'p95_ttft_ms',
    ]) {
      expect(quiet[field as keyof MetricsRow], field).toBeNull();
    }
  });

  it('an unpriced model has a sticker of 0.000000 per 1M and no CUT multiplier', async () => {
    const [mystery] = await rows(`${RANGE}&model=mystery`);
    expect(mystery).toMatchObject({
      unpriced_requests: 1,
      base_usd: '0.000000',
      output_tokens: 100,
      sticker_usd_per_1m: '0.000000',
      cut_multiplier: null,
      cut_usd_per_1m: null,
      acceptance_rate: null,
      retry_rate: 0,
    });
  });

  it('every money figure in every grouping is a 6-decimal string; per-unit ones may be null', async () => {
    for (const key of [...Object.keys(BY_KEY), 'day,team', 'month,workload_class,model']) {
      for (const row of await rows(`${RANGE}&group_by=${key}`)) {
        for (const field of MONEY) expect(row[field], `${key} ${field}`).toMatch(/^\d+\.\d{6}$/);
        for (const field of PER_UNIT) {
          const value = row[field as keyof MetricsRow];
          if (value !== null) expect(value, `${key} ${field}`).toMatch(/^\d+\.\d{6}$/);
        }
      }
    }
  });
});

describe('GET /api/v1/metrics: errors', () => {
  it('an unknown group_by key is a 400 naming it and the keys there are', async () => {
    expect(await get(db, `${RANGE}&group_by=teams`)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          message: 'group_by: unknown key "teams"; use day, week, month, team, workload_class, model, pool, provider',
        },
      },
    });
  });

  it('a missing date is a 400 naming the field', async () => {
    expect(await get(db, 'to=2026-01-01')).toEqual({
      status: 400,
      body: { error: { code: 'invalid_query', message: 'from: must be a date YYYY-MM-DD' } },
    });
  });
});

describe('GET /api/v1/metrics: the worked example, settled by the read itself', () => {
  it('TCO 96.14, USD 0.1202 per resolved ticket, CUT 400.58 per 1M, sticker 58.88, multiplier 6.80', async () => {
    const [row] = await rows('from=2026-05-04&to=2026-05-04', worked);
    expect(row).toMatchObject({
      tco_usd: '96.140000',
      l1_usd: '0.000000',
      l2_usd: '92.666667',
      l3_usd: '3.333333',
      l4_usd: '0.140000',
      l5_usd: '0.000000',
      idle_usd: '72.000000',
      base_usd: '24.140000',
      requests: 1200,
      workflows: 1000,
      accepted_workflows: 800,
      rejected_workflows: 200,
      output_tokens: 410_000,
      useful_output_tokens: 240_000,
      gpu_hours: 6,
      cost_per_accepted_workflow_usd: '0.120175',
      cut_usd_per_1m: '400.583333',
      cut_micro_usd_per_token: '400.583333',
      sticker_usd_per_1m: '58.878049',
      acceptance_rate: 0.8,
      p95_ttft_ms: null,
    });
    expect(row!.cut_multiplier?.toFixed(2)).toBe('6.80');
  });

  it('percentiles of the merged histograms are within a bucket of the exact ones', async () => {
    // 200 judge calls at 100 ms and generations at 200..1199 ms: exact p50 599, p95 1139, p99 1187
    const [row] = await rows('from=2026-05-04&to=2026-05-04', worked);
    const exact = { p50_latency_ms: 599, p95_latency_ms: 1139, p99_latency_ms: 1187 };
    for (const [field, value] of Object.entries(exact)) {
      const got = row![field as keyof MetricsRow] as number;
      expect(Math.abs(got / value - 1), field).toBeLessThanOrEqual(RELATIVE_ERROR + 0.001);
    }
  });
});
