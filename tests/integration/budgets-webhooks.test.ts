import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeFixedCostRule, saveBudget, switchIdlePolicy } from '@/app/(dashboard)/teams/actions';
import { GET as getBudgets } from '@/app/api/v1/budgets/route';
import { DELETE as deleteBudget, PUT as putBudget } from '@/app/api/v1/budgets/[team]/route';
import { GET as chargeback } from '@/app/api/v1/chargeback/route';
import { POST as postFixedCost } from '@/app/api/v1/fixed-costs/route';
import { PUT as putPrice } from '@/app/api/v1/prices/route';
import { GET as deliveries } from '@/app/api/v1/webhooks/deliveries/route';
import { POST as postWebhook } from '@/app/api/v1/webhooks/route';
import { evaluateBudgets } from '@/chargeback/budgets';
import { deliverDueWebhooks } from '@/chargeback/deliver';
import { listAttempts } from '@/db/queries/webhooks';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import { MAX_ATTEMPTS } from '@/lib/chargeback/backoff';
import { makeEvent } from '../support/events';
import { signedInPerson } from './support/access';
import { call, configApiDatabase, message } from './support/config-api';
import type { TestDatabase } from './support/database';

// The Teams page's server actions read the session from the request: an admin signed in here.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

let db: TestDatabase;
const SECRET = 'a-secret-of-16-chars';

/** A local HTTP receiver that records what it gets and answers with the next planned status. */
class Receiver {
  readonly bodies: Array<{ body: string; headers: http.IncomingHttpHeaders }> = [];
  plan: number[] = [];
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      this.bodies.push({ body, headers: req.headers });
      res.statusCode = this.plan.shift() ?? 200;
      res.end('ok');
    });
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  stop = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

const receiver = new Receiver();
// Every clock here is June 2025: the 1st has no complete day, so no forecast (only actual).
const JUNE_1 = new Date('2025-06-01T18:00:00Z');

async function spend(id: string, outputTokens: number) {
  const event = makeEvent({
    id,
    team: 'support',
    model: 'm1',
    timestamp: new Date('2025-06-01T10:00:00Z'),
    outputTokens,
  });
  await writeEventBatch(db, [event], await getIngestContext(db));
}
const pendingIds = async () =>
  (
    await db.query<{ id: number }>(`select id::int as id from webhook_deliveries where status = 'pending' order by id`)
  ).map((r) => r.id);

beforeAll(async () => {
  ({ db } = await configApiDatabase());
  request.headers = new Headers(await signedInPerson(db, 'admin'));
  await receiver.start();
  const price = await call(putPrice, 'PUT', '/api/v1/prices', {
    body: {
      provider: 'openai',
      model: 'm1',
      input_usd_per_1m: '0',
      cached_input_usd_per_1m: '0',
      output_usd_per_1m: '10',
      effective_from: '2025-01-01',
    },
  });
  expect(price.status).toBe(201);
  await spend('s1', 800_000); // 8.00 USD
});
afterAll(async () => {
  await receiver.stop();
  await db.destroy();
});
beforeEach(() => {
  receiver.plan = [];
});

describe('bad input names the field', () => {
  it.each([
    [{ monthly_usd: '-5' }, 'monthly_usd: must be >= 0'],
    [{ monthly_usd: 'ten' }, 'monthly_usd: must be a decimal number'],
    [{ monthly_usd: 0 }, 'monthly_usd: must be > 0'],
    [{ monthly_usd: '10', from_month: '2025-6' }, 'from_month: must be a month YYYY-MM'],
    [{ monthly_usd: '10', from_month: '2099-01' }, 'from_month: must not be in the future'],
  ])('budget %j -> 400 %s', async (body, text) => {
    const res = await call(putBudget, 'PUT', '/api/v1/budgets/support', { body });
    expect(res.status).toBe(400);
    expect(message(res)).toContain(text);
  });

  it('a budget for a team that never sent telemetry is refused, and without the admin key it is 401', async () => {
    const res = await call(putBudget, 'PUT', '/api/v1/budgets/nobody', { body: { monthly_usd: '10' } });
    expect(res.status).toBe(400);
    expect(message(res)).toMatch(/^team: no team named "nobody"; teams are support/);
    expect(
      (await call(putBudget, 'PUT', '/api/v1/budgets/support', { body: { monthly_usd: '1' }, key: null })).status,
    ).toBe(401);
  });

  it.each([
    ['ftp://example.com/hook', 'url: must be an absolute http:// or https:// URL'],
    ['javascript:alert(1)', 'url: must be an absolute http:// or https:// URL'],
    ['/relative', 'url: must be an absolute http:// or https:// URL'],
  ])('webhook %s -> 400', async (url, text) => {
    const res = await call(postWebhook, 'POST', '/api/v1/webhooks', { body: { url } });
    expect(res.status).toBe(400);
    expect(message(res)).toBe(text);
  });

  it('a page change with percentages that do not sum to 100 is refused, naming the field', async () => {
    const created = await call(postFixedCost, 'POST', '/api/v1/fixed-costs', {
      body: { name: 'Tracing', layer: 5, category: 'observability', monthly_usd: '0', effective_from: '2025-01-01' },
    });
    expect(created.status).toBe(201);
    const result = await changeFixedCostRule({
      id: created.body.fixed_cost.id,
      rule: 'fixed',
      fixed_shares: 'support: 60, ops: 30',
    });
    expect(result).toEqual({ ok: false, error: 'fixed_shares: percentages must sum to exactly 100; these sum to 90' });
    expect(await saveBudget({ team: 'support', monthly_usd: '-1' })).toEqual({
      ok: false,
      error: 'monthly_usd: must be >= 0',
    });
    expect(await switchIdlePolicy('sometimes')).toEqual({
      ok: false,
      error: 'idle_policy: must be one of share, separate',
    });
  });
});

describe('a threshold crossing', () => {
  it('delivers one signed webhook to a local receiver, once', async () => {
    const hook = await call(postWebhook, 'POST', '/api/v1/webhooks', { body: { url: receiver.url, secret: SECRET } });
    expect(hook.status).toBe(201);
    expect(hook.body.webhook).toMatchObject({ url: receiver.url, signed: true });
    expect(hook.body.webhook.secret).toBeUndefined();

    // 8.00 of 10.00 spent: 80% reaches 50 and 75; one webhook announces 75.
    expect(
      (await call(putBudget, 'PUT', '/api/v1/budgets/support', { body: { monthly_usd: '10', from_month: '2025-06' } }))
        .status,
    ).toBe(200);
    const alerts = await evaluateBudgets(db, JUNE_1);
    expect(alerts.map((a) => [a.basis, a.thresholdPct])).toEqual([
      ['actual', 50],
      ['actual', 75],
    ]);
    expect(await evaluateBudgets(db, JUNE_1)).toEqual([]);
    expect(await pendingIds()).toHaveLength(1);

    expect(await deliverDueWebhooks(db, { now: JUNE_1 })).toBe(1);
    expect(receiver.bodies).toHaveLength(1);
    const { body, headers } = receiver.bodies[0]!;
    expect(headers['x-cut-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    expect(headers['x-cut-event']).toBe('budget.threshold_reached');
    expect(JSON.parse(body)).toMatchObject({
      type: 'budget.threshold_reached',
      team: 'support',
      month: '2025-06',
      basis: 'actual',
      threshold_pct: 75,
      previous_threshold_pct: null,
      budget_usd: '10.000000',
      value_usd: '8.000000',
    });
    expect(await deliverDueWebhooks(db, { now: JUNE_1 })).toBe(0);
    expect(receiver.bodies).toHaveLength(1);

    const listed = await call(getBudgets, 'GET', '/api/v1/budgets?month=2025-06');
    expect(listed.body.budgets).toEqual([
      expect.objectContaining({
        team: 'support',
        monthly_usd: '10.000000',
        actual_usd: '8.000000',
        actual_threshold_pct: 75,
      }),
    ]);
    expect(listed.body.alerts.map((a: { threshold_pct: number }) => a.threshold_pct)).toEqual([50, 75]);
  });

  it('a failing receiver is retried with backoff, each attempt logged, and given up after the last', async () => {
    await spend('s2', 250_000); // 10.50 of 10.00: 100% by actual
    const alerts = await evaluateBudgets(db, JUNE_1);
    expect(alerts.map((a) => a.thresholdPct)).toEqual([90, 100]);
    const [id] = await pendingIds();

    receiver.plan = [500];
    expect(await deliverDueWebhooks(db, { now: JUNE_1 })).toBe(1);
    expect(await deliverDueWebhooks(db, { now: new Date(JUNE_1.getTime() + 29_000) })).toBe(0); // not due yet
    expect(await deliverDueWebhooks(db, { now: new Date(JUNE_1.getTime() + 31_000) })).toBe(1);
    expect(receiver.bodies.slice(-2).map((b) => JSON.parse(b.body).threshold_pct)).toEqual([100, 100]);
    expect(JSON.parse(receiver.bodies.at(-1)!.body).previous_threshold_pct).toBe(75);
    const attempts = await listAttempts(db, id!);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'receiver answered 500'],
      [2, 200, null],
    ]);
    const log = await call(deliveries, 'GET', '/api/v1/webhooks/deliveries');
    expect(log.body.deliveries[0]).toMatchObject({ id, status: 'delivered', attempts: 2, last_status_code: 200 });

    // A receiver that keeps failing is tried MAX_ATTEMPTS times, then the delivery is failed for good.
    await call(deleteBudget, 'DELETE', '/api/v1/budgets/support?from_month=2025-06');
    await call(putBudget, 'PUT', '/api/v1/budgets/support', { body: { monthly_usd: '12', from_month: '2025-06' } });
    await evaluateBudgets(db, JUNE_1);
    const [again] = await pendingIds();
    receiver.plan = Array(MAX_ATTEMPTS).fill(503);
    let at = JUNE_1.getTime();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await deliverDueWebhooks(db, { now: new Date(at) })).toBe(1);
      at += 3 * 3_600_000; // past any backoff
    }
    expect(await deliverDueWebhooks(db, { now: new Date(at) })).toBe(0);
    const [row] = await db.query<{ status: string; attempts: number }>(
      `select status::text, attempts from webhook_deliveries where id = $1`,
      [again],
    );
    expect(row).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('a receiver that is down or hangs never blocks ingest or the report', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const downPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await call(postWebhook, 'POST', '/api/v1/webhooks', { body: { url: `http://127.0.0.1:${downPort}/down` } });
    const hanging = http.createServer(() => {}); // accepts and never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    await call(postWebhook, 'POST', '/api/v1/webhooks', {
      body: { url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow` },
    });
    await call(putBudget, 'PUT', '/api/v1/budgets/support', { body: { monthly_usd: '100', from_month: '2025-06' } });
    await spend('s3', 9_000_000); // 100.50 of 100: crosses 50..100 at once
    await evaluateBudgets(db, JUNE_1);
    expect((await pendingIds()).length).toBe(3); // one per live webhook

    const started = Date.now();
    const delivered = deliverDueWebhooks(db, { now: JUNE_1, timeoutMs: 300 });
    // Meanwhile ingest and the report answer.
    const ingest = await writeEventBatch(
      db,
      [makeEvent({ id: 's4', team: 'support', model: 'm1', timestamp: JUNE_1 })],
      await getIngestContext(db),
    );
    expect(ingest.accepted).toBe(1);
    expect((await call(chargeback, 'GET', '/api/v1/chargeback?month=2025-06')).status).toBe(200);
    expect(await delivered).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    const errors = await db.query<{ url: string; last_error: string; status: string }>(
      `select w.url, d.last_error, d.status::text from webhook_deliveries d join webhooks w on w.id = d.webhook_id
        where d.attempts = 1 and d.last_status_code is null order by d.id`,
    );
    expect(errors.map((e) => e.status)).toEqual(['pending', 'pending']);
    expect(errors[0]!.last_error).toContain('ECONNREFUSED');
    expect(errors[1]!.last_error).toBe('no answer within the timeout');
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });
});
