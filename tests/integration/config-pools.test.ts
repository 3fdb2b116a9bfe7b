import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as GET_ONE, PUT } from '@/app/api/v1/pools/[name]/route';
import { GET as GET_ALL } from '@/app/api/v1/pools/route';
import { getPricebookVersion } from '@/db/queries/settings';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import { makeEvent } from '../support/events';
import { call, configApiDatabase, message } from './support/config-api';
import type { TestDatabase } from './support/database';

let db: TestDatabase;
let ingestKey: string;

beforeAll(async () => {
  ({ db, ingestKey } = await configApiDatabase());
});
afterAll(() => db.destroy());

const pool = (overrides: Record<string, unknown> = {}) => ({
  gpu_type: 'H100 80GB',
  gpu_count: 2,
  usd_per_gpu_hour: '4.00',
  pricing_model: 'reserved',
  billing_granularity: 'hour',
  provisioned_gpu_hours_per_day: null,
  input_weight: 0.25,
  effective_from: '2026-01-01',
  ...overrides,
});
const put = (name: string, body: unknown, key?: string | null) =>
  call(PUT, 'PUT', `/api/v1/pools/${name}`, { body, key });

describe('auth', () => {
  it('401 without a key, 403 with an ingest key', async () => {
    expect((await call(GET_ALL, 'GET', '/api/v1/pools', { key: null })).status).toBe(401);
    expect((await call(GET_ONE, 'GET', '/api/v1/pools/h100-a', { key: ingestKey })).status).toBe(403);
    expect((await put('h100-a', pool(), ingestKey)).status).toBe(403);
    expect((await put('h100-a', pool(), null)).status).toBe(401);
  });
});

describe('PUT /api/v1/pools/{name}', () => {
  it('creates a pool (201) with defaults for what is left out, audited, bumping the price-book version', async () => {
    const version = await getPricebookVersion(db);
    const res = await put('l40s-b', {
      gpu_type: 'L40S',
      gpu_count: 4,
      usd_per_gpu_hour: 1.1,
      effective_from: '2026-01-01',
    });
    expect(res.status).toBe(201);
    expect(res.body.pool).toMatchObject({
      name: 'l40s-b',
      gpu_type: 'L40S',
      gpu_count: 4,
      usd_per_gpu_hour: '1.100000',
      pricing_model: 'on_demand',
      billing_granularity: 'second',
      provisioned_gpu_hours_per_day: null,
      input_weight: '0.250000',
      effective_from: '2026-01-01T00:00:00.000Z',
    });
    expect(res.body.repricing_job).toMatchObject({ status: 'done' });
    expect(await getPricebookVersion(db)).toBe(version + 1);
    const [audit] = await db.query<{ action: string; before: unknown; after: { gpu_count: number } }>(
      `select action, before, after from audit_log where entity = 'gpu_pool' and entity_id = 'l40s-b'`,
    );
    expect(audit).toMatchObject({ action: 'create', before: null, after: { gpu_count: 4 } });
  });

  it('keeps history: a later version is added, the same start replaces, and GET shows current + history', async () => {
    await put('h100-a', pool());
    await put('h100-a', pool({ usd_per_gpu_hour: '3.50', effective_from: '2026-02-01' }));
    const replaced = await put('h100-a', pool({ usd_per_gpu_hour: '3.25', effective_from: '2026-02-01' }));
    expect(replaced.status).toBe(200);
    expect(replaced.body.created).toBe(false);
    await put('h100-a', pool({ usd_per_gpu_hour: '9', effective_from: '2099-01-01' }));

    const one = await call(GET_ONE, 'GET', '/api/v1/pools/h100-a');
    expect(one.status).toBe(200);
    expect(one.body.name).toBe('h100-a');
    expect(one.body.current.usd_per_gpu_hour).toBe('3.250000');
    expect(one.body.history.map((v: { usd_per_gpu_hour: string }) => v.usd_per_gpu_hour)).toEqual([
      '9.000000',
      '3.250000',
      '4.000000',
    ]);
    const [audit] = await db.query<{ before: { usd_per_gpu_hour: string }; after: { usd_per_gpu_hour: string } }>(
      `select before, after from audit_log where entity = 'gpu_pool' and action = 'replace'`,
    );
    expect(audit!.before.usd_per_gpu_hour).toBe('3.500000');
    expect(audit!.after.usd_per_gpu_hour).toBe('3.250000');

    const all = await call(GET_ALL, 'GET', '/api/v1/pools');
    expect(all.status).toBe(200);
    expect(all.body.pools.map((p: { name: string }) => p.name)).toEqual(['h100-a', 'l40s-b']);
  });

  it('accepts a provisioned schedule of exactly gpu_count x 24', async () => {
    const res = await put('full-pool', pool({ provisioned_gpu_hours_per_day: '48' }));
    expect(res.status).toBe(201);
    expect(res.body.pool.provisioned_gpu_hours_per_day).toBe('48.000000');
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    [
      'a schedule above gpu_count x 24',
      { provisioned_gpu_hours_per_day: '48.000001' },
      'provisioned_gpu_hours_per_day: must be <= gpu_count x 24 = 48 GPU-hours per day',
    ],
    [
      'an unknown pricing model',
      { pricing_model: 'free' },
      'pricing_model: must be one of on_demand, spot, reserved, owned_amortized',
    ],
    ['an unknown billing granularity', { billing_granularity: 'minute' }, 'billing_granularity: must be one of second'],
    ['no GPUs', { gpu_count: 0 }, 'gpu_count: must be an integer >= 1'],
    ['a fractional GPU count', { gpu_count: 1.5 }, 'gpu_count: must be an integer >= 1'],
    ['a negative rate', { usd_per_gpu_hour: '-4' }, 'usd_per_gpu_hour: must be >= 0'],
    ['a zero input weight', { input_weight: 0 }, 'input_weight: must be > 0'],
    ['an input weight above 10', { input_weight: '10.5' }, 'input_weight: must be <= 10'],
    ['a bad date', { effective_from: '01/02/2026' }, 'effective_from: must be a date YYYY-MM-DD'],
    ['an unknown field', { region: 'eu' }, 'region: is not a known field'],
  ];
  it.each(invalid)('400 for %s, naming the field and the rule', async (_name, overrides, expected) => {
    const res = await put('bad-pool', pool(overrides));
    expect(res.status).toBe(400);
    expect(message(res)).toContain(expected);
  });

  it('400 for a pool name that is not a slug', async () => {
    const res = await put('H100%20A', pool());
    expect(res.status).toBe(400);
    expect(message(res)).toMatch(/^name: must be a slug/);
  });
});

describe('GET /api/v1/pools/{name}', () => {
  it('404 for an unknown pool', async () => {
    const res = await call(GET_ONE, 'GET', '/api/v1/pools/no-such-pool');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('re-pricing after a pool change', () => {
  it("re-prices the pool's events and settles its days again", async () => {
    await put('reprice-pool', pool({ gpu_count: 1 }));
    await writeEventBatch(
      db,
      [
        makeEvent({
          id: 'pool-1',
          pool: 'reprice-pool',
          provider: 'self-hosted',
          model: 'llama',
          timestamp: new Date('2026-04-10T12:00:00Z'),
          gpuHours: '0.5',
        }),
      ],
      await getIngestContext(db),
    );
    await db.query(`insert into settled_days (day) values ('2026-04-09'), ('2026-04-10') on conflict do nothing`);
    const cost = async () =>
      (await db.query<{ c: string }>(`select cost_usd::text c from events where id = 'pool-1'`))[0]!.c;
    expect(await cost()).toBe('2.000000000000'); // 0.5 GPU-hours x $4

    const res = await put('reprice-pool', pool({ gpu_count: 1, usd_per_gpu_hour: '6', effective_from: '2026-04-10' }));
    expect(res.body.repricing_job).toMatchObject({ status: 'done', from_day: '2026-04-10', repriced_events: 1 });
    expect(await cost()).toBe('3.000000000000'); // 0.5 x $6
    const settled = await db.query<{ day: string }>(`select day::text from settled_days order by day`);
    expect(settled.map((r) => r.day)).toEqual(['2026-04-09']);
  });
});
