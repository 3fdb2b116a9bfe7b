import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as costSplit } from '@/app/api/v1/cost-split/route';
import { GET as dimensions } from '@/app/api/v1/dimensions/route';
import { GET as metrics } from '@/app/api/v1/metrics/route';
import { GET as poolUsage } from '@/app/api/v1/pool-usage/route';
import { GET as rejections } from '@/app/api/v1/rejections/route';
import { setDatabase } from '@/db/instance';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import { makeEvent } from '../support/events';
import { WORKED_DAY } from '../support/worked-example';
import { freshDatabase, type TestDatabase } from './support/database';
import { adminHeaders } from './support/admin-key';
import { loadWorkedExample } from './support/metrics-fixture';

/**
 * The dashboard's read endpoints on the worked example (cut-model.md 6), settled for real, plus a
 * few rejected workflows with reasons on the same day.
 */
let db: TestDatabase;

type Handler = (request: Request) => Promise<Response>;
async function get(handler: Handler, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  setDatabase(db);
  const response = await handler(new Request(`http://cut.test${path}`, { headers: await adminHeaders(db) }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const rowsOf = (body: Record<string, unknown>) => body.rows as Array<Record<string, unknown>>;
const DAY = `from=${WORKED_DAY}&to=${WORKED_DAY}`;

beforeAll(async () => {
  db = await freshDatabase();
  await loadWorkedExample(db);
  const at = new Date(`${WORKED_DAY}T12:00:00Z`);
  const rejected = (id: string, team: string, workloadClass: string, reason: string | null) =>
    makeEvent({
      id,
      team,
      workloadClass,
      timestamp: at,
      model: 'judge',
      acceptanceStatus: 'rejected',
      rejectionReason: reason,
    });
  await writeEventBatch(
    db,
    [
      rejected('r1', 'support', 'customer_support', 'tone'),
      rejected('r2', 'support', 'customer_support', 'tone'),
      rejected('r3', 'support', 'customer_support', 'wrong_answer'),
      rejected('r4', 'coding', 'agentic_coding', 'tests_failed'),
    ],
    await getIngestContext(db),
  );
  // Settles the day (idle capacity, workflow figures) as the dashboard would before reading.
  expect((await get(metrics, `/api/v1/metrics?${DAY}`)).status).toBe(200);
});
afterAll(async () => {
  await db?.destroy();
});

describe('GET /api/v1/rejections', () => {
  it('counts rejected workflows per reason on their day: 200 without a reason, tone 2, wrong_answer 1, tests_failed 1', async () => {
    const { status, body } = await get(rejections, `/api/v1/rejections?${DAY}`);
    expect(status).toBe(200);
    expect(rowsOf(body)).toEqual([
      { reason: null, workflows: 200 },
      { reason: 'tone', workflows: 2 },
      { reason: 'tests_failed', workflows: 1 },
      { reason: 'wrong_answer', workflows: 1 },
    ]);
  });

  it('groups and filters like the metrics API', async () => {
    const { body } = await get(rejections, `/api/v1/rejections?${DAY}&group_by=workload_class&team=coding`);
    expect(rowsOf(body)).toEqual([{ workload_class: 'agentic_coding', reason: 'tests_failed', workflows: 1 }]);
  });

  it.each([
    ['from=2026-05-04', 'to: must be a date YYYY-MM-DD'],
    [`${DAY}&group_by=reason`, 'group_by: unknown key "reason"'],
    [`${DAY}&teams=support`, 'unknown parameter "teams"'],
  ])('400 naming the field: %s', async (query, message) => {
    const { status, body } = await get(rejections, `/api/v1/rejections?${query}`);
    expect(status).toBe(400);
    expect((body.error as { message: string }).message).toContain(message);
  });
});

describe('GET /api/v1/cost-split', () => {
  it('the pool model: 2,000 in x 0.25 = 500 against 400 out, so its 24.00 splits 13.333333 / 10.666667', async () => {
    const { status, body } = await get(costSplit, `/api/v1/cost-split?${DAY}&group_by=model`);
    expect(status).toBe(200);
    const byModel = Object.fromEntries(rowsOf(body).map((r) => [r.model, r]));
    expect(byModel.llama).toEqual({
      model: 'llama',
      input_usd: '13.333333',
      cached_input_usd: '0.000000',
      output_usd: '10.666667',
      unsplit_usd: '0.000000',
    });
    // the judge at 1 / 4 per 1M: 200 x 500 in = 0.10, 200 x 50 out = 0.04
    expect(byModel.judge).toMatchObject({ input_usd: '0.100000', output_usd: '0.040000' });
  });

  it('no grouping: one row that adds up to the direct cost, 24.14', async () => {
    const { body } = await get(costSplit, `/api/v1/cost-split?${DAY}`);
    const [row] = rowsOf(body);
    const sum = ['input_usd', 'cached_input_usd', 'output_usd', 'unsplit_usd'].reduce((a, k) => a + Number(row![k]), 0);
    expect(sum).toBeCloseTo(24.14, 6);
  });
});

describe('GET /api/v1/pool-usage', () => {
  it('h100-a on the day: 24 GPU-hours billed, 6 used, 18 idle at 4.00 = 72.00, 25% utilization', async () => {
    const { status, body } = await get(poolUsage, `/api/v1/pool-usage?${DAY}&pool=h100-a`);
    expect(status).toBe(200);
    expect(rowsOf(body)).toEqual([
      {
        day: WORKED_DAY,
        pool: 'h100-a',
        provisioned_gpu_hours: 24,
        used_gpu_hours: 6,
        idle_gpu_hours: 18,
        over_reported_gpu_hours: 0,
        idle_usd: '72.000000',
        utilization: 0.25,
      },
    ]);
  });

  it('400 for a day that is not one', async () => {
    const { status, body } = await get(poolUsage, `/api/v1/pool-usage?from=2026-02-30&to=${WORKED_DAY}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_query', message: 'from: must be a date YYYY-MM-DD' } });
  });
});

describe('GET /api/v1/dimensions and the metrics row', () => {
  it('lists the days with data, teams, classes with their unit, models and pools', async () => {
    const { status, body } = await get(dimensions, '/api/v1/dimensions');
    expect(status).toBe(200);
    expect(body.data_range).toEqual({ from: WORKED_DAY, to: WORKED_DAY });
    expect(body.teams).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'support' })]));
    expect(body.workload_classes).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: 'customer_support', unit: expect.any(String) })]),
    );
    expect(body.models).toEqual(expect.arrayContaining([{ provider: 'self-hosted', model: 'llama' }]));
    expect(body.pools).toEqual(['h100-a']);
  });

  it('metrics split L2 into serving, idle and fixed: 92.666667 = 20.666667 + 72 idle + 0 fixed', async () => {
    const { body } = await get(metrics, `/api/v1/metrics?${DAY}&workload_class=customer_support&team=support`);
    expect(rowsOf(body)[0]).toMatchObject({ l2_usd: '92.666667', idle_usd: '72.000000', l2_fixed_usd: '0.000000' });
  });
});
