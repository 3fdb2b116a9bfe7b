import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { PUT as putBudget } from '@/app/api/v1/budgets/[team]/route';
import { GET as getBudgets } from '@/app/api/v1/budgets/route';
import { GET as getChargeback } from '@/app/api/v1/chargeback/route';
import { GET as getTeamChargeback } from '@/app/api/v1/chargeback/teams/[team]/route';
import { GET as getCostSplit } from '@/app/api/v1/cost-split/route';
import { GET as getDimensions } from '@/app/api/v1/dimensions/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { GET as getPoolUsage } from '@/app/api/v1/pool-usage/route';
import { GET as getRecommendations } from '@/app/api/v1/recommendations/route';
import { GET as getRejections } from '@/app/api/v1/rejections/route';
import { POST as postWhatIf } from '@/app/api/v1/what-if/route';
import { updateUserAccess } from '@/auth/users';
import { accessApp, callAs, emailOf, type AccessApp } from './support/access';

/**
 * A team_viewer (granted `support`) and a team_viewer read token see only support's rows, in
 * every aggregate; asking for another team is a 403. Events of two teams are ingested for real.
 */
let app: AccessApp;
const RANGE = 'from=2026-05-01&to=2026-05-07';
const MONTH = '2026-05';

interface Chargeback {
  rows: Array<Record<string, unknown> & { team: string; tco_usd: string }>;
  unallocated: unknown;
  totals: { tco_usd: string };
}

const event = (id: string, team: string, input: number) => ({
  id,
  timestamp: '2026-05-04T10:00:00Z',
  team,
  workload_class: 'customer_support',
  model: 'gpt-4o-mini',
  provider: 'openai',
  input_tokens: input,
  output_tokens: 100,
  latency_ms: 500,
});

async function json(response: Response) {
  const body = await response.text();
  expect(response.status, body).toBe(200);
  return JSON.parse(body) as { rows: Array<Record<string, unknown>> };
}

beforeAll(async () => {
  app = await accessApp();
  const events = [
    event('s-1', 'support', 1000),
    event('s-2', 'support', 2000),
    { ...event('s-3', 'support', 10), acceptance_status: 'rejected', rejection_reason: 'tone' },
    event('r-1', 'research', 50_000),
    { ...event('r-2', 'research', 10), acceptance_status: 'rejected', rejection_reason: 'wrong' },
  ];
  const res = await callAs(postEvents, 'POST', '/api/v1/events', app.headers.ingest_key, { events });
  expect(res.status, await res.clone().text()).toBe(200);
  // reading folds the batch in: the teams are registered from then on
  await json(await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}`, app.headers.admin_key));
  for (const [team, usd] of [
    ['support', '100'],
    ['research', '500'],
  ]) {
    const budget = await callAs(putBudget, 'PUT', `/api/v1/budgets/${team}`, app.headers.finance, {
      monthly_usd: usd,
      from_month: MONTH,
    });
    expect(budget.status, await budget.clone().text()).toBe(200);
  }
});
afterAll(() => app.db.destroy());

describe.each(['team_viewer', 'read_team_viewer'] as const)('%s granted support', (viewer) => {
  it('metrics without a team filter total support only', async () => {
    const mine = await json(await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}`, app.headers[viewer]));
    const support = await json(
      await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}&team=support`, app.headers.admin),
    );
    const everyone = await json(await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}`, app.headers.admin));
    expect(mine.rows).toEqual(support.rows);
    expect(mine.rows[0]!.requests).toBe(3);
    expect(everyone.rows[0]!.requests).toBe(5);
    expect(mine.rows[0]!.input_tokens).toBe(3010);
  });

  it('grouped by team, only its team appears', async () => {
    const { rows } = await json(
      await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}&group_by=team`, app.headers[viewer]),
    );
    expect(rows.map((r) => r.team)).toEqual(['support']);
  });

  it('asking for another team is a 403, alone or beside its own', async () => {
    for (const team of ['research', 'support,research', 'nonexistent']) {
      const res = await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}&team=${team}`, app.headers[viewer]);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/may not see team/);
    }
  });

  it('the daily metrics the Overview reads count support requests only', async () => {
    const daily = `/api/v1/metrics?${RANGE}&group_by=day`;
    const { rows } = await json(await callAs(getMetrics, 'GET', daily, app.headers[viewer]));
    expect(rows.reduce((n, r) => n + (r.requests as number), 0)).toBe(3);
    const all = await json(await callAs(getMetrics, 'GET', daily, app.headers.ops));
    expect(all.rows.reduce((n, r) => n + (r.requests as number), 0)).toBe(5);
  });

  it('rejections, cost split and dimensions hold support only; another team is a 403', async () => {
    const split = await json(
      await callAs(getCostSplit, 'GET', `/api/v1/cost-split?${RANGE}&group_by=team`, app.headers[viewer]),
    );
    expect(split.rows.map((r) => r.team)).toEqual(['support']);
    const rejected = await json(
      await callAs(getRejections, 'GET', `/api/v1/rejections?${RANGE}&group_by=team`, app.headers[viewer]),
    );
    expect(rejected.rows.map((r) => r.team)).toEqual(['support']);
    for (const [handler, path] of [
      [getCostSplit, `/api/v1/cost-split?${RANGE}&team=research`],
      [getRejections, `/api/v1/rejections?${RANGE}&team=research`],
    ] as const) {
      expect((await callAs(handler, 'GET', path, app.headers[viewer])).status).toBe(403);
    }
    const dims = (await (await callAs(getDimensions, 'GET', '/api/v1/dimensions', app.headers[viewer])).json()) as {
      teams: Array<{ slug: string }>;
    };
    expect(dims.teams.map((t) => t.slug)).toEqual(['support']);
  });

  it('the chargeback, its CSV and its FOCUS file carry support only, at the figures finance sees', async () => {
    const asked = (format: string, who: keyof AccessApp['headers']) =>
      callAs(getChargeback, 'GET', `/api/v1/chargeback?month=${MONTH}&format=${format}`, app.headers[who]);
    const mine = (await (await asked('json', viewer)).json()) as Chargeback;
    const finance = (await (await asked('json', 'finance')).json()) as Chargeback;
    expect(mine.rows.map((r) => r.team)).toEqual(['support']);
    expect(mine.unallocated).toBeNull();
    expect(mine.rows[0]).toEqual({ ...finance.rows.find((r) => r.team === 'support'), share_of_total: null });
    expect(mine.totals.tco_usd).toBe(mine.rows[0]!.tco_usd);
    expect(finance.rows.map((r) => r.team).sort()).toEqual(['research', 'support']);

    const csv = await (await asked('csv', viewer)).text();
    expect(csv).toContain('support');
    expect(csv).not.toContain('research');
    const focus = await (await asked('focus', viewer)).text();
    expect(focus.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);
    expect(focus).toContain('support');
    expect(focus).not.toContain('research');
    expect(await (await asked('focus', 'finance')).text()).toContain('research');
  });

  it("another team's drill-down is a 403; its own is served", async () => {
    const path = (team: string) => `/api/v1/chargeback/teams/${team}?month=${MONTH}`;
    expect((await callAs(getTeamChargeback, 'GET', path('support'), app.headers[viewer])).status).toBe(200);
    const other = await callAs(getTeamChargeback, 'GET', path('research'), app.headers[viewer]);
    expect(other.status).toBe(403);
    expect((await callAs(getTeamChargeback, 'GET', path('research'), app.headers.ops)).status).toBe(200);
  });

  it('budgets list support only', async () => {
    const body = (await (
      await callAs(getBudgets, 'GET', `/api/v1/budgets?month=${MONTH}`, app.headers[viewer])
    ).json()) as { budgets: Array<{ team: string }> };
    expect(body.budgets.map((b) => b.team)).toEqual(['support']);
  });

  it('reads that mix every team (pool usage, what-if, recommendations) are a 403', async () => {
    const calls = [
      callAs(getPoolUsage, 'GET', `/api/v1/pool-usage?${RANGE}`, app.headers[viewer]),
      callAs(getRecommendations, 'GET', `/api/v1/recommendations?${RANGE}`, app.headers[viewer]),
      callAs(postWhatIf, 'POST', '/api/v1/what-if', app.headers[viewer], { from: '2026-05-01', to: '2026-05-07' }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
  });
});

describe('grants change with the next request', () => {
  it('a team_viewer moved to research sees research; with no team left it sees nothing (403)', async () => {
    const [user] = await app.db.query<{ id: string }>(`select id from auth_users where email = $1`, [
      emailOf('team_viewer'),
    ]);
    await updateUserAccess(app.db, user!.id, { role: 'team_viewer', teams: ['research'] }, 'test');
    const { rows } = await json(
      await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}&group_by=team`, app.headers.team_viewer),
    );
    expect(rows.map((r) => r.team)).toEqual(['research']);

    await updateUserAccess(app.db, user!.id, { role: 'team_viewer', teams: [] }, 'test');
    const none = await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}`, app.headers.team_viewer);
    expect(none.status).toBe(403);

    await updateUserAccess(app.db, user!.id, { role: 'ops', teams: [] }, 'test');
    const ops = await json(await callAs(getMetrics, 'GET', `/api/v1/metrics?${RANGE}`, app.headers.team_viewer));
    expect(ops.rows[0]!.requests).toBe(5);
  });
});
