import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { GET as getMetrics } from '@/app/api/v1/metrics/route';
import { GET as getDaily } from '@/app/api/v1/overview/daily/route';
import { updateUserAccess } from '@/auth/users';
import { accessApp, callAs, emailOf, type AccessApp } from './support/access';

/**
 * A team_viewer (granted `support`) and a team_viewer read token see only support's rows, in
 * every aggregate; asking for another team is a 403. Events of two teams are ingested for real.
 */
let app: AccessApp;
const RANGE = 'from=2026-05-01&to=2026-05-07';

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
  const events = [event('s-1', 'support', 1000), event('s-2', 'support', 2000), event('r-1', 'research', 50_000)];
  const res = await callAs(postEvents, 'POST', '/api/v1/events', app.headers.ingest_key, { events });
  expect(res.status).toBe(200);
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
    expect(mine.rows[0]!.requests).toBe(2);
    expect(everyone.rows[0]!.requests).toBe(3);
    expect(mine.rows[0]!.input_tokens).toBe(3000);
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

  it('the daily overview counts support requests only', async () => {
    const { rows } = await json(await callAs(getDaily, 'GET', `/api/v1/overview/daily?${RANGE}`, app.headers[viewer]));
    expect(rows.reduce((n, r) => n + (r.requests as number), 0)).toBe(2);
    const all = await json(await callAs(getDaily, 'GET', `/api/v1/overview/daily?${RANGE}`, app.headers.ops));
    expect(all.rows.reduce((n, r) => n + (r.requests as number), 0)).toBe(3);
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
    expect(ops.rows[0]!.requests).toBe(3);
  });
});
