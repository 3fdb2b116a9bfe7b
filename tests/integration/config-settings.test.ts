import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, PUT } from '@/app/api/v1/settings/route';
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

const put = (body: unknown, key?: string | null) => call(PUT, 'PUT', '/api/v1/settings', { body, key });
const settingAudits = async () =>
  (await db.query<{ n: number }>(`select count(*)::int n from audit_log where entity = 'setting'`))[0]!.n;

describe('auth', () => {
  it('401 without a key, 403 with an ingest key', async () => {
    expect((await call(GET, 'GET', '/api/v1/settings', { key: null })).status).toBe(401);
    expect((await call(GET, 'GET', '/api/v1/settings', { key: ingestKey })).status).toBe(403);
    expect((await put({ strict_registry: true }, ingestKey)).status).toBe(403);
  });
});

describe('GET /api/v1/settings', () => {
  it('shows the defaults on a fresh install', async () => {
    const res = await call(GET, 'GET', '/api/v1/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      idle_policy: 'share',
      reporting_time_zone: 'UTC',
      strict_registry: false,
      ingest_rate_limit_per_minute: 600,
      unit_costs: [],
    });
  });
});

describe('PUT /api/v1/settings', () => {
  it('changes only what it names, audits before and after, and bumps the price-book version', async () => {
    const version = await getPricebookVersion(db);
    const res = await put({ strict_registry: true, ingest_rate_limit_per_minute: 1200 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      idle_policy: 'share',
      strict_registry: true,
      ingest_rate_limit_per_minute: 1200,
      repricing_jobs: [],
    });
    expect(await getPricebookVersion(db)).toBe(version + 1);
    const audit = await db.query<{ entity_id: string; before: unknown; after: unknown; actor: string }>(
      `select entity_id, before, after, actor from audit_log where entity = 'setting' order by id`,
    );
    expect(audit).toEqual([
      {
        entity_id: 'strict_registry',
        before: { strict_registry: false },
        after: { strict_registry: true },
        actor: expect.stringMatching(/^key:\d+$/),
      },
      {
        entity_id: 'ingest_rate_limit_per_minute',
        before: { ingest_rate_limit_per_minute: 600 },
        after: { ingest_rate_limit_per_minute: 1200 },
        actor: expect.stringMatching(/^key:\d+$/),
      },
    ]);
    const [stored] = await db.query<{ t: string }>(
      `select jsonb_typeof(value) t from settings where key = 'strict_registry'`,
    );
    expect(stored!.t).toBe('boolean');
  });

  it('a value equal to the current one is no change: no audit entry, no version bump', async () => {
    const [version, audits] = [await getPricebookVersion(db), await settingAudits()];
    expect((await put({ strict_registry: true })).status).toBe(200);
    expect(await getPricebookVersion(db)).toBe(version);
    expect(await settingAudits()).toBe(audits);
  });

  it('a new idle policy unsettles every day', async () => {
    await db.query(`insert into settled_days (day) values ('2026-01-01'), ('2026-02-01') on conflict do nothing`);
    const res = await put({ idle_policy: 'separate' });
    expect(res.body.idle_policy).toBe('separate');
    expect((await db.query(`select day from settled_days`)).length).toBe(0);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['an unknown field', { colour: 'blue' }, 'colour: is not a known field'],
    ['an unknown idle policy', { idle_policy: 'hide' }, 'idle_policy: must be one of share, separate'],
    ['an unknown time zone', { reporting_time_zone: 'Mars/Base' }, 'reporting_time_zone: must be an IANA time zone'],
    ['a fractional rate limit', { ingest_rate_limit_per_minute: 1.5 }, 'ingest_rate_limit_per_minute: must be a whole'],
    [
      'a zero rate limit',
      { ingest_rate_limit_per_minute: 0 },
      'ingest_rate_limit_per_minute: must be a whole number > 0',
    ],
    ['a string for a boolean', { strict_registry: 'yes' }, 'strict_registry: must be true or false'],
    [
      'a negative unit cost',
      { unit_costs: [{ kind: 'tool_call', usd: '-0.01', effective_from: '2026-01-01' }] },
      'unit_costs.0.usd: must be >= 0',
    ],
    [
      'a unit cost with 7 decimals',
      { unit_costs: [{ kind: 'tool_call', usd: '0.0000001', effective_from: '2026-01-01' }] },
      'unit_costs.0.usd: must have at most 6 decimals',
    ],
    [
      'an unknown unit-cost kind',
      { unit_costs: [{ kind: 'gpu_hour', usd: '1', effective_from: '2026-01-01' }] },
      'unit_costs.0.kind: must be one of tool_call, reviewer_hour',
    ],
    [
      'a scope that is not a slug',
      { unit_costs: [{ kind: 'reviewer_hour', scope: 'Team A', usd: '1', effective_from: '2026-01-01' }] },
      'unit_costs.0.scope: must be "" (the default) or a slug',
    ],
    [
      'a bad effective_from',
      { unit_costs: [{ kind: 'reviewer_hour', usd: '1', effective_from: 'tomorrow' }] },
      'unit_costs.0.effective_from: must be a date YYYY-MM-DD',
    ],
    [
      'the same version twice',
      {
        unit_costs: [
          { kind: 'tool_call', usd: '1', effective_from: '2026-01-01' },
          { kind: 'tool_call', usd: '2', effective_from: '2026-01-01T00:00:00Z' },
        ],
      },
      'unit_costs.1: repeats the kind, scope and effective_from',
    ],
  ];
  it.each(invalid)('400 for %s, naming the field and the rule', async (_name, body, expected) => {
    const before = await getPricebookVersion(db);
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(message(res)).toContain(expected);
    expect(await getPricebookVersion(db)).toBe(before);
  });
});

describe('unit costs', () => {
  it('adds versions (keeping earlier ones) and re-prices the team a reviewer rate applies to', async () => {
    const review = (id: string, ts: string) =>
      makeEvent({ id, team: 'support', timestamp: new Date(ts), humanReviewSeconds: 3600 });
    await writeEventBatch(
      db,
      [review('rv1', '2026-05-01T10:00:00Z'), review('rv2', '2026-05-03T10:00:00Z')],
      await getIngestContext(db),
    );
    const l4 = async () =>
      Object.fromEntries(
        (await db.query<{ id: string; l4: string }>(`select id, l4_usd::text l4 from events where id like 'rv%'`)).map(
          (r) => [r.id, r.l4],
        ),
      );
    // One reviewer hour at the default USD 60.
    expect(await l4()).toEqual({ rv1: '60.000000000000', rv2: '60.000000000000' });

    const first = await put({
      unit_costs: [{ kind: 'reviewer_hour', scope: 'support', usd: '90', effective_from: '2026-05-02' }],
    });
    expect(first.status).toBe(200);
    expect(first.body.repricing_jobs).toEqual([
      expect.objectContaining({ status: 'done', from_day: '2026-05-02', repriced_events: 1 }),
    ]);
    expect(await l4()).toEqual({ rv1: '60.000000000000', rv2: '90.000000000000' });

    const second = await put({
      unit_costs: [{ kind: 'reviewer_hour', scope: 'support', usd: 75.5, effective_from: '2026-05-03' }],
    });
    expect(second.body.unit_costs).toEqual([
      { kind: 'reviewer_hour', scope: 'support', usd: '90.000000', effective_from: '2026-05-02T00:00:00.000Z' },
      { kind: 'reviewer_hour', scope: 'support', usd: '75.500000', effective_from: '2026-05-03T00:00:00.000Z' },
    ]);
    expect(await l4()).toEqual({ rv1: '60.000000000000', rv2: '75.500000000000' });
    const [audit] = await db.query<{ entity_id: string; after: { usd: string } }>(
      `select entity_id, after from audit_log where entity = 'unit_cost' order by id desc limit 1`,
    );
    expect(audit).toEqual({ entity_id: 'reviewer_hour/support', after: expect.objectContaining({ usd: '75.500000' }) });
  });

  it('a default tool-call cost re-prices every workload class', async () => {
    const res = await put({ unit_costs: [{ kind: 'tool_call', usd: '0.004', effective_from: '2026-01-01' }] });
    expect(res.status).toBe(200);
    const [job] = await db.query<{ filter: { kind: string } }>(`select filter from repricing_jobs where id = $1`, [
      res.body.repricing_jobs[0].id,
    ]);
    expect(job!.filter.kind).toBe('all');
  });
});

describe('reporting time zone', () => {
  it('a new zone re-keys every day: the job rebuilds them and events land on their new day', async () => {
    await writeEventBatch(
      db,
      [makeEvent({ id: 'late', timestamp: new Date('2026-06-01T23:30:00Z'), outputTokens: 10 })],
      await getIngestContext(db),
    );
    const days = async () =>
      (await db.query<{ day: string }>(`select distinct day::text from daily_rollups where day >= '2026-06-01'`)).map(
        (r) => r.day,
      );
    expect(await days()).toEqual(['2026-06-01']);
    const res = await put({ reporting_time_zone: 'Asia/Tokyo' });
    expect(res.status).toBe(200);
    expect(res.body.reporting_time_zone).toBe('Asia/Tokyo');
    expect(res.body.repricing_jobs).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(await days()).toEqual(['2026-06-02']);
  });
});
