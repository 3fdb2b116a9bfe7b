import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, PUT } from '@/app/api/v1/prices/route';
import { GET as GET_JOB } from '@/app/api/v1/repricing/[id]/route';
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

const price = (overrides: Record<string, unknown> = {}) => ({
  provider: 'openai',
  model: 'gpt-test',
  input_usd_per_1m: '1',
  cached_input_usd_per_1m: '0.1',
  output_usd_per_1m: 4,
  effective_from: '2026-01-01',
  ...overrides,
});
const put = (body: unknown, key?: string | null) => call(PUT, 'PUT', '/api/v1/prices', { body, key });
const auditFor = (entityId: number) =>
  db.query<{ actor: string; action: string; before: unknown; after: unknown }>(
    `select actor, action, before, after from audit_log where entity = 'model_price' and entity_id = $1 order by id`,
    [String(entityId)],
  );

describe('auth', () => {
  it('401 without a key, 403 with an ingest key, on both verbs', async () => {
    expect((await call(GET, 'GET', '/api/v1/prices', { key: null })).status).toBe(401);
    expect((await put(price(), null)).status).toBe(401);
    const forbidden = await call(GET, 'GET', '/api/v1/prices', { key: ingestKey });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await put(price(), ingestKey)).status).toBe(403);
  });
});

describe('PUT /api/v1/prices', () => {
  it('creates a version (201), audited with the admin key as actor, and bumps the price-book version', async () => {
    const version = await getPricebookVersion(db);
    const res = await put(price({ model: 'created-model', source: 'https://example.com/pricing 2026-01' }));
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    expect(res.body.price).toMatchObject({
      provider: 'openai',
      model: 'created-model',
      match: 'exact',
      input_usd_per_1m: '1.000000',
      cached_input_usd_per_1m: '0.100000',
      output_usd_per_1m: '4.000000',
      reasoning_usd_per_1m: null,
      effective_from: '2026-01-01T00:00:00.000Z',
      source: 'https://example.com/pricing 2026-01',
    });
    // No events yet: the job has nothing to do and is done at once.
    expect(res.body.repricing_job).toMatchObject({ status: 'done', total_days: 0, done_days: 0 });
    expect(await getPricebookVersion(db)).toBe(version + 1);
    const audit = await auditFor(res.body.price.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: expect.stringMatching(/^key:\d+$/), action: 'create', before: null });
    expect(audit[0]!.after).toMatchObject({ model: 'created-model', input_usd_per_1m: '1.000000' });
  });

  it('replaces the version with the same provider, model and start (200), auditing before and after', async () => {
    const first = await put(price({ model: 'replaced-model', effective_from: '2026-02-01T00:00:00Z' }));
    const second = await put(price({ model: 'replaced-model', effective_from: '2026-02-01', input_usd_per_1m: 1.5 }));
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
    expect(second.body.price.id).toBe(first.body.price.id);
    expect(second.body.price.input_usd_per_1m).toBe('1.500000');
    const audit = await auditFor(first.body.price.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'replace']);
    expect(audit[1]!.before).toMatchObject({ input_usd_per_1m: '1.000000' });
    expect(audit[1]!.after).toMatchObject({ input_usd_per_1m: '1.500000' });
  });

  it('keeps every version: a later effective_from adds one, and GET marks the one in force', async () => {
    await put(price({ model: 'history-model', effective_from: '2025-06-01' }));
    await put(price({ model: 'history-model', effective_from: '2026-01-01', output_usd_per_1m: '5' }));
    await put(price({ model: 'history-model', effective_from: '2099-01-01', output_usd_per_1m: '6' }));
    const res = await call(GET, 'GET', '/api/v1/prices');
    expect(res.status).toBe(200);
    const versions = res.body.prices.filter((p: { model: string }) => p.model === 'history-model');
    expect(
      versions.map((p: { effective_from: string; output_usd_per_1m: string; in_force: boolean }) => [
        p.effective_from.slice(0, 10),
        p.output_usd_per_1m,
        p.in_force,
      ]),
    ).toEqual([
      ['2025-06-01', '4.000000', false],
      ['2026-01-01', '5.000000', true],
      ['2099-01-01', '6.000000', false],
    ]);
  });

  it('accepts a pattern with * wildcards, an RFC 3339 start with an offset, and a reasoning price', async () => {
    const res = await put(
      price({
        model: 'gpt-test-*',
        match: 'pattern',
        reasoning_usd_per_1m: '12.123456',
        effective_from: '2026-01-01T02:00:00+02:00',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.price).toMatchObject({
      match: 'pattern',
      reasoning_usd_per_1m: '12.123456',
      effective_from: '2026-01-01T00:00:00.000Z',
    });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['negative money', { input_usd_per_1m: '-1' }, 'input_usd_per_1m: must be >= 0'],
    ['a negative number', { output_usd_per_1m: -0.5 }, 'output_usd_per_1m: must be >= 0'],
    ['seven decimals', { input_usd_per_1m: '0.0000001' }, 'input_usd_per_1m: must have at most 6 decimals'],
    ['seven decimals as a number', { cached_input_usd_per_1m: 1e-7 }, 'cached_input_usd_per_1m: must have at most 6'],
    ['money that is not a number', { input_usd_per_1m: 'two' }, 'input_usd_per_1m: must be a decimal number'],
    ['a missing rate', { output_usd_per_1m: undefined }, 'output_usd_per_1m: is required'],
    ['a date that is not a date', { effective_from: '2026-02-30' }, 'effective_from: must be a date YYYY-MM-DD'],
    ['a timestamp without an offset', { effective_from: '2026-02-01T10:00:00' }, 'effective_from: must be a date'],
    ['an unknown match', { match: 'fuzzy' }, 'match: must be one of exact, pattern'],
    ['a * in an exact name', { model: 'gpt-*' }, 'model: contains * but match is exact'],
    ['a pattern without *', { match: 'pattern' }, 'model: a pattern needs at least one * wildcard'],
    ['an unknown field', { currency: 'EUR' }, 'currency: is not a known field'],
    ['an empty provider', { provider: '' }, 'provider: must not be empty'],
  ];
  it.each(invalid)('400 for %s, naming the field and the rule', async (_name, overrides, expected) => {
    const res = await put(price({ model: 'invalid-model', ...overrides }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(message(res)).toContain(expected);
  });

  it('400 (not 500) for a body that is not JSON', async () => {
    const res = await PUT(
      new Request('http://localhost/api/v1/prices', {
        method: 'PUT',
        headers: { authorization: 'Bearer test-admin-key', 'content-type': 'application/json' },
        body: '{"provider":',
      }),
    );
    expect(res.status).toBe(400);
  });
});

describe('re-pricing after a price change', () => {
  it('re-prices the events from the new version on: the job finishes and their stored cost changes', async () => {
    await put(price({ model: 'repriced-model', effective_from: '2026-01-01' }));
    const events = ['2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z'].map((ts, i) =>
      makeEvent({
        id: `rp${i}`,
        model: 'repriced-model',
        timestamp: new Date(ts),
        inputTokens: 1000,
        outputTokens: 500,
      }),
    );
    await writeEventBatch(db, events, await getIngestContext(db));
    const cost = async () =>
      Object.fromEntries(
        (await db.query<{ id: string; cost: string }>(`select id, cost_usd::text as cost from events order by id`)).map(
          (r) => [r.id, r.cost],
        ),
      );
    // 1,000 x $1/1M + 500 x $4/1M = 0.003
    expect(await cost()).toEqual({ rp0: '0.003000000000', rp1: '0.003000000000' });

    const res = await put(
      price({ model: 'repriced-model', effective_from: '2026-03-02', input_usd_per_1m: '2', output_usd_per_1m: '8' }),
    );
    expect(res.status).toBe(201);
    const job = res.body.repricing_job;
    expect(job).toMatchObject({ status: 'done', from_day: '2026-03-02', total_days: 1, done_days: 1 });
    expect(job.repriced_events).toBe(1);
    // Only the event from 2026-03-02 on moves: 1,000 x $2/1M + 500 x $8/1M = 0.006
    expect(await cost()).toEqual({ rp0: '0.003000000000', rp1: '0.006000000000' });
    const [rollup] = await db.query<{ l1: string }>(
      `select sum(l1_usd)::text as l1 from daily_rollups where model = 'repriced-model' and day = '2026-03-02'`,
    );
    expect(rollup!.l1).toBe('0.006000000000');

    const polled = await call(GET_JOB, 'GET', `/api/v1/repricing/${job.id}`);
    expect(polled.status).toBe(200);
    expect(polled.body).toMatchObject({ id: job.id, status: 'done', total_days: 1, done_days: 1, error: null });
    expect(polled.body.finished_at).toEqual(expect.any(String));
  });
});
