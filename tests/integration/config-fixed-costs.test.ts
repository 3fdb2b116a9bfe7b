import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DELETE, GET as GET_ONE, PUT } from '@/app/api/v1/fixed-costs/[id]/route';
import { GET, POST } from '@/app/api/v1/fixed-costs/route';
import { getPricebookVersion } from '@/db/queries/settings';
import { call, configApiDatabase, message } from './support/config-api';
import type { TestDatabase } from './support/database';

let db: TestDatabase;
let ingestKey: string;

beforeAll(async () => {
  ({ db, ingestKey } = await configApiDatabase());
});
afterAll(() => db.destroy());

const cost = (overrides: Record<string, unknown> = {}) => ({
  name: 'Vector store',
  layer: 2,
  category: 'storage',
  monthly_usd: '1200.50',
  rule: 'weighted',
  effective_from: '2026-03-01',
  ...overrides,
});
const create = (body: unknown, key?: string | null) => call(POST, 'POST', '/api/v1/fixed-costs', { body, key });

/** Marks every day of March and April 2026 settled, so a test can see which ones a change unsettles. */
async function settleSpring() {
  await db.query(`delete from settled_days`);
  await db.query(
    `insert into settled_days (day) select d::date from generate_series('2026-03-01'::date, '2026-04-30', '1 day') d`,
  );
}
const settledCount = async () => (await db.query<{ n: number }>(`select count(*)::int n from settled_days`))[0]!.n;

describe('auth', () => {
  it('401 without a key, 403 with an ingest key', async () => {
    expect((await call(GET, 'GET', '/api/v1/fixed-costs', { key: null })).status).toBe(401);
    expect((await create(cost(), ingestKey)).status).toBe(403);
    expect((await call(DELETE, 'DELETE', '/api/v1/fixed-costs/1', { key: ingestKey })).status).toBe(403);
  });
});

describe('/api/v1/fixed-costs', () => {
  beforeEach(settleSpring);

  it('POST creates (201), audits, bumps the version and unsettles the days from effective_from on', async () => {
    const version = await getPricebookVersion(db);
    const res = await create(cost({ effective_from: '2026-04-01' }));
    expect(res.status).toBe(201);
    expect(res.body.fixed_cost).toMatchObject({
      name: 'Vector store',
      layer: 2,
      category: 'storage',
      monthly_usd: '1200.500000',
      rule: 'weighted',
      team: null,
      workload_class: null,
      fixed_shares: null,
      effective_from: '2026-04-01',
      effective_to: null,
    });
    expect(await getPricebookVersion(db)).toBe(version + 1);
    expect(await settledCount()).toBe(31); // March stays settled; April is rebuilt
    const [audit] = await db.query<{ action: string; before: unknown; after: { monthly_usd: string } }>(
      `select action, before, after from audit_log where entity = 'fixed_cost' and entity_id = $1`,
      [String(res.body.fixed_cost.id)],
    );
    expect(audit).toMatchObject({ action: 'create', before: null, after: { monthly_usd: '1200.500000' } });
  });

  it('a fixed split whose percentages sum to exactly 100 is kept as given', async () => {
    const res = await create(
      cost({ rule: 'fixed', fixed_shares: { support: 33.333333, legal: 33.333333, research: 33.333334 } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.fixed_cost.fixed_shares).toEqual({ support: 33.333333, legal: 33.333333, research: 33.333334 });
    const [stored] = await db.query<{ t: string }>(
      `select jsonb_typeof(fixed_shares) t from fixed_costs where id = $1`,
      [res.body.fixed_cost.id],
    );
    expect(stored!.t).toBe('object');
  });

  it('an assigned cost names its team (and may name a workload class)', async () => {
    const res = await create(cost({ rule: 'assigned', team: 'support', workload_class: 'customer_support', layer: 5 }));
    expect(res.status).toBe(201);
    expect(res.body.fixed_cost).toMatchObject({
      rule: 'assigned',
      team: 'support',
      workload_class: 'customer_support',
    });
  });

  it('PUT replaces (audit before/after), unsettling the old and the new window; DELETE soft-deletes', async () => {
    const created = await create(cost({ effective_from: '2026-04-10', effective_to: '2026-04-20' }));
    const id = created.body.fixed_cost.id;
    await settleSpring();
    const replaced = await call(PUT, 'PUT', `/api/v1/fixed-costs/${id}`, {
      body: cost({ monthly_usd: 900, effective_from: '2026-04-05', effective_to: '2026-04-15' }),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.fixed_cost).toMatchObject({ id, monthly_usd: '900.000000', effective_from: '2026-04-05' });
    expect(await settledCount()).toBe(61 - 16); // 2026-04-05 .. 2026-04-20 unsettled
    const audit = await db.query<{ action: string; before: { monthly_usd: string } | null; after: unknown }>(
      `select action, before, after from audit_log where entity = 'fixed_cost' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'replace']);
    expect(audit[1]!.before!.monthly_usd).toBe('1200.500000');
    expect(audit[1]!.after).toMatchObject({ monthly_usd: '900.000000' });

    expect((await call(GET_ONE, 'GET', `/api/v1/fixed-costs/${id}`)).status).toBe(200);
    const deleted = await call(DELETE, 'DELETE', `/api/v1/fixed-costs/${id}`);
    expect(deleted.status).toBe(204);
    const [row] = await db.query<{ deleted: boolean }>(
      `select deleted_at is not null as deleted from fixed_costs where id = $1`,
      [id],
    );
    expect(row!.deleted).toBe(true);
    const list = await call(GET, 'GET', '/api/v1/fixed-costs');
    expect(list.body.fixed_costs.map((f: { id: number }) => f.id)).not.toContain(id);
    expect((await call(GET_ONE, 'GET', `/api/v1/fixed-costs/${id}`)).status).toBe(404);
    expect((await call(DELETE, 'DELETE', `/api/v1/fixed-costs/${id}`)).status).toBe(404);
    const [last] = await db.query<{ action: string; after: unknown }>(
      `select action, after from audit_log where entity = 'fixed_cost' and entity_id = $1 order by id desc limit 1`,
      [String(id)],
    );
    expect(last).toEqual({ action: 'delete', after: null });
  });

  it('404 for PUT to an unknown id, 400 for an id that is not a number', async () => {
    expect((await call(PUT, 'PUT', '/api/v1/fixed-costs/999999', { body: cost() })).status).toBe(404);
    const bad = await call(PUT, 'PUT', '/api/v1/fixed-costs/abc', { body: cost() });
    expect(bad.status).toBe(400);
    expect(message(bad)).toContain('id: must be a positive integer');
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    [
      'percentages summing to 90',
      { rule: 'fixed', fixed_shares: { support: 50, legal: 40 } },
      'fixed_shares: percentages must sum to exactly 100; these sum to 90',
    ],
    [
      'percentages that float arithmetic would call 100',
      { rule: 'fixed', fixed_shares: { a: 33.33, b: 33.33, c: 33.34, d: 0.0000001 } },
      'fixed_shares.d: must have at most 6 decimals',
    ],
    ['a fixed split without shares', { rule: 'fixed' }, 'fixed_shares: is required when rule is fixed'],
    ['shares under another rule', { fixed_shares: { support: 100 } }, 'fixed_shares: only applies when rule is fixed'],
    [
      'a share keyed by a non-slug',
      { rule: 'fixed', fixed_shares: { 'Team A': 100 } },
      'fixed_shares.Team A: keys must be team slugs',
    ],
    ['shares as a list', { rule: 'fixed', fixed_shares: [50, 50] }, 'fixed_shares: must be an object of team slug'],
    ['an assigned cost without a team', { rule: 'assigned' }, 'team: is required when rule is assigned'],
    ['a team on a shared cost', { team: 'support' }, 'team: only applies when rule is assigned'],
    ['negative money', { monthly_usd: '-5' }, 'monthly_usd: must be >= 0'],
    ['too many decimals', { monthly_usd: '1.1234567' }, 'monthly_usd: must have at most 6 decimals'],
    ['layer 3', { layer: 3 }, 'layer: must be 2 (infrastructure), 4 (orchestration) or 5 (operations)'],
    ['an unknown rule', { rule: 'random' }, 'rule: must be one of assigned, weighted, even, fixed'],
    ['a bad date', { effective_from: '2026-13-01' }, 'effective_from: must be a date YYYY-MM-DD'],
    ['a timestamp for a date', { effective_from: '2026-03-01T00:00:00Z' }, 'effective_from: must be a date YYYY-MM-DD'],
    [
      'an end before the start',
      { effective_from: '2026-03-10', effective_to: '2026-03-09' },
      'effective_to: must be on or after effective_from',
    ],
    ['a missing name', { name: undefined }, 'name:'],
  ];
  it.each(invalid)('400 for %s, naming the field and the rule', async (_name, overrides, expected) => {
    const res = await create(cost(overrides));
    expect(res.status).toBe(400);
    expect(message(res)).toContain(expected);
  });
});
