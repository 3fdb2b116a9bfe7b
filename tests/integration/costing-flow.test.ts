import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as events from '@/app/api/v1/events/route';
import * as metrics from '@/app/api/v1/metrics/route';
import * as pool from '@/app/api/v1/pools/[name]/route';
import * as prices from '@/app/api/v1/prices/route';
import { toWireEvent } from '@/lib/events/wire';
import { WORKED_DAY, workedExampleEvents } from '../support/worked-example';
import type { TestDatabase } from './support/database';
import { call, configApiDatabase } from './support/config-api';

// The product as a client drives it: configure the price book, send the worked example of
// cut-model.md 6, read the metrics, change prices, read again.
let db: TestDatabase;
let ingestKey: string;
beforeAll(async () => {
  ({ db, ingestKey } = await configApiDatabase());
});
afterAll(() => db.destroy());

const day = async () => {
  const res = await call(metrics.GET, 'GET', `/api/v1/metrics?from=${WORKED_DAY}&to=${WORKED_DAY}`);
  expect(res.status).toBe(200);
  return res.body.rows[0];
};

describe('configure, ingest, read, re-price, read again', () => {
  it('reproduces the worked example through the API', async () => {
    const put = await call(pool.PUT, 'PUT', '/api/v1/pools/h100-a', {
      body: {
        gpu_type: 'H100',
        gpu_count: 1,
        usd_per_gpu_hour: '4.00',
        pricing_model: 'on_demand',
        billing_granularity: 'second',
        effective_from: '2026-01-01',
      },
    });
    expect(put.status).toBe(201);
    const price = await call(prices.PUT, 'PUT', '/api/v1/prices', {
      body: {
        provider: 'openai',
        model: 'judge',
        input_usd_per_1m: '1.00',
        cached_input_usd_per_1m: '0.10',
        output_usd_per_1m: '4.00',
        effective_from: '2026-01-01',
      },
    });
    expect(price.status).toBe(201);
    const sent = await call(events.POST, 'POST', '/api/v1/events', {
      key: ingestKey,
      body: { events: workedExampleEvents().map(toWireEvent) },
    });
    expect(sent.body).toEqual({ accepted: 1200, duplicates: 0, rejected: [] });

    expect(await day()).toMatchObject({
      tco_usd: '96.140000',
      l1_usd: '0.000000',
      l2_usd: '92.666667', // 24 - 3.333333 + 72 of idle
      l3_usd: '3.333333',
      l4_usd: '0.140000',
      l5_usd: '0.000000',
      idle_usd: '72.000000',
      accepted_workflows: 800,
      useful_output_tokens: 240000,
      cost_per_accepted_workflow_usd: '0.120175', // 96.14 / 800
      cut_usd_per_1m: '400.583333', // 96.14 / 240,000 x 1e6
      sticker_usd_per_1m: '58.878049', // 24.14 / 410,000 x 1e6
    });
    expect((await day()).cut_multiplier).toBeCloseTo(6.8036, 3);
  });

  it('a judge price change re-prices its calls: 200 x (500 x 1.00 + 50 x 8.00) per 1M = 0.18 on L4', async () => {
    const res = await call(prices.PUT, 'PUT', '/api/v1/prices', {
      body: {
        provider: 'openai',
        model: 'judge',
        input_usd_per_1m: '1.00',
        cached_input_usd_per_1m: '0.10',
        output_usd_per_1m: '8.00',
        effective_from: '2026-01-01',
      },
    });
    expect(res.body.repricing_job.status).toBe('done');
    expect(await day()).toMatchObject({ tco_usd: '96.180000', l4_usd: '0.180000' });
  });

  it('a pool rate change re-prices used and idle capacity: 6 x 5.00 + 18 x 5.00 + 0.18 = 120.18', async () => {
    const res = await call(pool.PUT, 'PUT', '/api/v1/pools/h100-a', {
      body: {
        gpu_type: 'H100',
        gpu_count: 1,
        usd_per_gpu_hour: '5.00',
        pricing_model: 'on_demand',
        billing_granularity: 'second',
        effective_from: '2026-01-01',
      },
    });
    expect(res.status).toBe(200);
    expect(await day()).toMatchObject({ tco_usd: '120.180000', idle_usd: '90.000000' });
  });
});
