import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as GET_AUDIT } from '@/app/api/v1/audit/route';
import { PUT as PUT_PRICE } from '@/app/api/v1/prices/route';
import { GET as GET_JOB } from '@/app/api/v1/repricing/[id]/route';
import { GET as GET_JOBS } from '@/app/api/v1/repricing/route';
import { PUT as PUT_SETTINGS } from '@/app/api/v1/settings/route';
import { getPricebookVersion } from '@/db/queries/settings';
import { ensureDefaultPrices } from '@/db/writes/default-prices';
import { DEFAULT_MODEL_PRICES } from '@/lib/costing/default-prices';
import { call, configApiDatabase, message } from './support/config-api';
import type { TestDatabase } from './support/database';

let db: TestDatabase;
let ingestKey: string;

beforeAll(async () => {
  ({ db, ingestKey } = await configApiDatabase());
});
afterAll(() => db.destroy());

describe('ensureDefaultPrices', () => {
  it('fills an empty price book once, audited as system, each price naming its source', async () => {
    const version = await getPricebookVersion(db);
    expect(await ensureDefaultPrices(db)).toBe(DEFAULT_MODEL_PRICES.length);
    expect(await getPricebookVersion(db)).toBe(version + 1);
    expect(await ensureDefaultPrices(db)).toBe(0);
    const rows = await db.query<{ n: number; sourced: number }>(
      `select count(*)::int n, count(*) filter (where source like 'https://%verify before use')::int sourced
         from model_prices`,
    );
    expect(rows[0]).toEqual({ n: DEFAULT_MODEL_PRICES.length, sourced: DEFAULT_MODEL_PRICES.length });
    const audit = await db.query<{ actor: string }>(
      `select distinct actor from audit_log where entity = 'model_price'`,
    );
    expect(audit).toEqual([{ actor: 'system' }]);
  });
});

describe('GET /api/v1/audit', () => {
  it('401 without a key, 403 with an ingest key', async () => {
    expect((await call(GET_AUDIT, 'GET', '/api/v1/audit', { key: null })).status).toBe(401);
    expect((await call(GET_AUDIT, 'GET', '/api/v1/audit', { key: ingestKey })).status).toBe(403);
  });

  it('lists changes newest first, with before and after, filtered by entity and limited', async () => {
    await call(PUT_SETTINGS, 'PUT', '/api/v1/settings', { body: { idle_policy: 'separate' } });
    await call(PUT_SETTINGS, 'PUT', '/api/v1/settings', { body: { idle_policy: 'share' } });
    const all = await call(GET_AUDIT, 'GET', '/api/v1/audit');
    expect(all.status).toBe(200);
    const ids = all.body.entries.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.body.entries[0]).toMatchObject({
      actor: expect.stringMatching(/^key:\d+$/),
      action: 'update',
      entity: 'setting',
      entity_id: 'idle_policy',
      before: { idle_policy: 'separate' },
      after: { idle_policy: 'share' },
      at: expect.any(String),
    });

    const limited = await call(GET_AUDIT, 'GET', '/api/v1/audit?limit=1&entity=model_price');
    expect(limited.body.entries).toHaveLength(1);
    expect(limited.body.entries[0].entity).toBe('model_price');
    const none = await call(GET_AUDIT, 'GET', '/api/v1/audit?entity=nothing_like_this');
    expect(none.body.entries).toEqual([]);
  });

  it.each([['0'], ['1001'], ['ten'], ['-1']])('400 for ?limit=%s', async (limit) => {
    const res = await call(GET_AUDIT, 'GET', `/api/v1/audit?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(message(res)).toBe('limit: must be a whole number from 1 to 1000');
  });
});

describe('/api/v1/repricing', () => {
  it('lists recent jobs newest first and shows one by id; 404 for an unknown id, 400 for a bad one', async () => {
    const put = await call(PUT_PRICE, 'PUT', '/api/v1/prices', {
      body: {
        provider: 'openai',
        model: 'gpt-4o',
        input_usd_per_1m: '2.25',
        cached_input_usd_per_1m: '1.125',
        output_usd_per_1m: '9',
        effective_from: '2026-07-01',
      },
    });
    expect(put.status).toBe(201);
    const jobId = put.body.repricing_job.id;

    const list = await call(GET_JOBS, 'GET', '/api/v1/repricing');
    expect(list.status).toBe(200);
    expect(list.body.jobs[0]).toMatchObject({ id: jobId, reason: 'price openai/gpt-4o from 2026-07-01' });

    const one = await call(GET_JOB, 'GET', `/api/v1/repricing/${jobId}`);
    expect(one.body).toEqual({
      id: jobId,
      reason: 'price openai/gpt-4o from 2026-07-01',
      status: 'done',
      from_day: '2026-07-01',
      to_day: '2026-07-01',
      total_days: 0,
      done_days: 0,
      repriced_events: 0,
      error: null,
      created_at: expect.any(String),
      started_at: null,
      finished_at: expect.any(String),
    });
    expect((await call(GET_JOB, 'GET', '/api/v1/repricing/987654')).status).toBe(404);
    expect((await call(GET_JOB, 'GET', '/api/v1/repricing/x1')).status).toBe(400);
    expect((await call(GET_JOB, 'GET', `/api/v1/repricing/${jobId}`, { key: ingestKey })).status).toBe(403);
    expect((await call(GET_JOBS, 'GET', '/api/v1/repricing', { key: null })).status).toBe(401);
  });
});
