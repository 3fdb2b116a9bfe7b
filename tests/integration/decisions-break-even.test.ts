import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPriceBook } from '@/db/writes/pricebook';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import { WORKED_DAY, workedExampleBook, workedExampleEvents } from '../support/worked-example';
import { freshDatabase, type TestDatabase } from './support/database';
import { decisionsApi } from './support/decisions-api';

/**
 * The worked example's support calls (1,000 x 2,000 in + 400 out on h100-a, 6 GPU-hours on one
 * day) against the judge API (1.00 / 4.00 per 1M), from the API itself.
 */
let db: TestDatabase;
const ASK = {
  from: WORKED_DAY,
  to: WORKED_DAY,
  workload_class: 'customer_support',
  pool: 'h100-a',
  provider: 'openai',
  model: 'judge',
};

beforeAll(async () => {
  db = await freshDatabase();
  await insertPriceBook(db, workedExampleBook, 'test');
  await writeEventBatch(db, workedExampleEvents(), await getIngestContext(db));
});
afterAll(async () => {
  await db?.destroy();
});

describe('break-even for the worked example', () => {
  it('hand-worked: API 1.50/1M, pool 2,920 a month, 10.00/1M at full use, never breaks even; move to the API', async () => {
    const body = await decisionsApi(db).breakEvenOk(ASK);
    expect(body).toMatchObject({
      // 1,000 x (2,000 x 1.00 + 400 x 4.00) / 1M = 3.60 over 2.4M tokens
      api_usd_per_1m: '1.500000',
      // 1 GPU x 24 h x 730/24 x 4.00
      pool_usd_per_month: '2920.000000',
      // measured: 900 weight x 1,000 / 6 GPU-h = 150,000 a GPU-hour = 400,000 of the class's tokens; 4.00 / 0.4M
      pool_marginal_usd_per_1m: '10.000000',
      throughput: { tokens_per_gpu_hour: 400_000, source: 'measured' },
      // calls at hours 0-22: 44 calls in hours 0-10 (105,600 tokens) against 100,000 an hour on average
      peak_to_average: 1.056,
      pool_peak_sized_usd_per_1m: '10.560000',
      // 2.4M in 24 hours x 730
      observed_tokens_per_month: 73_000_000,
      break_even_tokens_per_month: null,
      current: 'pool',
      // 73M x 1.50 / 1M = 109.50; the pool's month 2,920
      monthly_usd_at_observed: { api: '109.500000', pool: '2920.000000', hybrid: null },
      recommendation: { option: 'api', saving_usd_per_month: '2810.500000' },
    });
    // 2,920 / 400,000 tokens an hour / 730 h: the pool's capacity is 292M a month, 276.5M sized for the peak
    expect(body.pool_capacity_tokens_per_month).toBe(276_515_152);
    expect(body.hybrid).toMatchObject({ gpus: 0, peak_gpus: 1, total_usd_per_month: '109.500000' });
    expect(body.recommendation.summary).toMatch(
      /^Move to the API \(openai\/judge\): \$109\.50 a month against \$2,920\.00 today/,
    );
  });

  it('a stated throughput and operations cost: 4.00 / 24M tokens an hour, break-even (2,920 + 500) / 1.50 = 2,280M', async () => {
    // 9M output-equivalent tokens an hour = 24M of the class's (2,400 tokens weigh 900)
    const body = await decisionsApi(db).breakEvenOk({
      ...ASK,
      tokens_per_gpu_hour: '9000000',
      fixed_ops_usd_per_month: '500',
    });
    expect(body.throughput).toEqual({ tokens_per_gpu_hour: 24_000_000, source: 'stated' });
    // 4.00 / 24M x 1M = 0.166667; x 1.056 sized for the peak = 0.176
    expect([body.pool_marginal_usd_per_1m, body.pool_peak_sized_usd_per_1m]).toEqual(['0.166667', '0.176000']);
    expect(body.break_even_tokens_per_month).toBe(2_280_000_000);
    // at the break-even both lines meet: 2,280M x 1.50 / 1M = 3,420 = 500 + 2,920
    const at = body.curve.find((p) => p.tokens_per_month === 2_280_000_000);
    expect(at).toMatchObject({ api_usd: '3420.000000', pool_usd: '3420.000000' });
    expect(body.curve.some((p) => p.tokens_per_month === body.observed_tokens_per_month)).toBe(true);
  });

  it('without a named API the class is compared with the one it uses most (none here: 400 naming model)', async () => {
    const { status, body } = await decisionsApi(db).breakEven({
      from: ASK.from,
      to: ASK.to,
      workload_class: ASK.workload_class,
      pool: ASK.pool,
    });
    expect(status).toBe(400);
    expect((body as { error: { message: string } }).error.message).toMatch(
      /^model: customer_support made no managed-API calls from 2026-05-04 to 2026-05-04/,
    );
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ['no pool', { from: WORKED_DAY, to: WORKED_DAY, workload_class: 'customer_support' }, /^pool: is required/],
    ['a pool that does not exist', { ...ASK, pool: 'tpu-z' }, /^pool: no pool named "tpu-z"; pools: h100-a/],
    ['a model with no price', { ...ASK, model: 'gpt-9' }, /^model: no price for openai\/gpt-9/],
    [
      'an empty period',
      { ...ASK, from: '2026-01-01', to: '2026-01-02' },
      /^from: no telemetry from 2026-01-01 to 2026-01-02/,
    ],
    [
      'a class with no calls',
      { ...ASK, workload_class: 'agentic_coding' },
      /^workload_class: no generation or tool calls of agentic_coding/,
    ],
    ['a model without its provider', { ...ASK, provider: '' }, /^provider: is required: the API provider, with model/],
    ['a negative operations cost', { ...ASK, fixed_ops_usd_per_month: '-5' }, /^fixed_ops_usd_per_month: must be >= 0/],
    ['a zero throughput', { ...ASK, tokens_per_gpu_hour: '0' }, /^tokens_per_gpu_hour: must be > 0/],
    ['an unknown parameter', { ...ASK, volume: '1' }, /unknown parameter "volume"/],
  ];
  for (const [name, query, message] of refusals) {
    it(`400 for ${name}`, async () => {
      const { status, body } = await decisionsApi(db).breakEven(query);
      expect(status).toBe(400);
      expect((body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_query' });
      expect((body as { error: { message: string } }).error.message).toMatch(message);
    });
  }
});
