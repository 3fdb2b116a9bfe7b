import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as chargeback } from '@/app/api/v1/chargeback/route';
import { POST as close } from '@/app/api/v1/months/[month]/close/route';
import { GET as months } from '@/app/api/v1/months/route';
import { PUT as putPrice } from '@/app/api/v1/prices/route';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { ChargebackJson } from '@/lib/api/chargeback-wire';
import { parseDecimal } from '@/lib/money';
import { makeEvent } from '../support/events';
import { adminHeaders } from './support/admin-key';
import { call, configApiDatabase, message } from './support/config-api';
import type { TestDatabase } from './support/database';

// A closed month never changes; what re-pricing moves later is charged as a correction in the
// next open month, on the report and in the FOCUS file.
let db: TestDatabase;

const micro = (usd: string) => parseDecimal(usd, 6);
const report = async (month: string): Promise<ChargebackJson> => {
  const res = await call(chargeback, 'GET', `/api/v1/chargeback?month=${month}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ChargebackJson;
};
const focus = async (month: string) => {
  const res = await chargeback(
    new Request(`http://cut.test/api/v1/chargeback?month=${month}&format=focus`, { headers: await adminHeaders(db) }),
  );
  return parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
};
const closeMonth = (month: string, key?: string | null) =>
  call(close, 'POST', `/api/v1/months/${month}/close`, { key });
const setPrice = (output: string) =>
  call(putPrice, 'PUT', '/api/v1/prices', {
    body: {
      provider: 'openai',
      model: 'm1',
      input_usd_per_1m: '1',
      cached_input_usd_per_1m: '0.1',
      output_usd_per_1m: output,
      effective_from: '2025-01-01',
    },
  });

beforeAll(async () => {
  ({ db } = await configApiDatabase());
  expect((await setPrice('4')).status).toBe(201);
  const events = ['2025-03-10', '2025-03-20', '2025-04-05', '2025-05-02'].flatMap((day, d) =>
    ['alpha', 'beta'].map((team, t) =>
      makeEvent({
        id: `e-${d}-${t}`,
        team,
        model: 'm1',
        timestamp: new Date(`${day}T12:00:00Z`),
        inputTokens: 100_000 * (t + 1),
        outputTokens: 50_000,
      }),
    ),
  );
  await writeEventBatch(db, events, await getIngestContext(db));
});
afterAll(() => db.destroy());

describe('closing a month', () => {
  it('refuses a malformed, future or unfinished month, a second close, and a caller without the admin key', async () => {
    expect((await closeMonth('2025-3')).status).toBe(400);
    expect(message(await closeMonth('2025-3'))).toBe('month: must be a month YYYY-MM, e.g. 2026-10');
    const future = await closeMonth('2099-01');
    expect(future.status).toBe(400);
    expect(message(future)).toMatch(/^month: must not be in the future/);
    const current = new Date().toISOString().slice(0, 7);
    const running = await closeMonth(current);
    expect(running.status).toBe(400);
    expect(message(running)).toMatch(new RegExp(`^month: ${current} has not ended yet`));
    expect((await closeMonth('2025-03', null)).status).toBe(401);
  });

  it('freezes the figures; re-pricing then shows as a correction in the next open month, not as a change', async () => {
    const before = await report('2025-03');
    expect(before.status).toBe('open');
    const closed = await closeMonth('2025-03');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ month: '2025-03', status: 'closed' });
    expect((await closeMonth('2025-03')).status).toBe(409);
    const list = (await call(months, 'GET', '/api/v1/months')).body.months as Array<{ month: string; status: string }>;
    expect(list.find((m) => m.month === '2025-03')?.status).toBe('closed');
    expect(list.find((m) => m.month === '2025-04')?.status).toBe('open');

    const aprilBefore = await report('2025-04');
    expect([200, 201]).toContain((await setPrice('8')).status); // output tokens now cost twice as much, from January

    const march = await report('2025-03');
    expect(march.status).toBe('closed');
    expect(march.rows).toEqual(before.rows);
    expect(march.totals).toEqual(before.totals);
    // 2 teams x 2 days x 50,000 output tokens x 4 USD per 1M more = 0.80
    expect(march.pending_correction).toEqual({ usd: '0.800000', book_in: '2025-04' });

    const april = await report('2025-04');
    expect(april.corrections).toEqual([{ month: '2025-03', usd: '0.800000' }]);
    expect(micro(april.totals.correction_usd)).toBe(micro('0.80'));
    expect(micro(april.totals.tco_usd)).toBe(micro(aprilBefore.totals.tco_usd) + micro('0.40'));
    expect(micro(april.totals.total_usd)).toBe(micro(april.totals.tco_usd) + micro('0.80'));
    expect(april.rows.map((r) => [r.team, r.correction_usd])).toEqual(
      expect.arrayContaining([
        ['alpha', '0.400000'],
        ['beta', '0.400000'],
      ]),
    );
    expect(april.reconciliation.balanced).toBe(true);

    const rows = await focus('2025-04');
    const corrections = rows.filter((r) => r.ChargeClass === 'Correction');
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections.reduce((s, r) => s + micro(r.EffectiveCost!), 0n)).toBe(micro('0.80'));
    for (const r of corrections) {
      expect(r.ChargePeriodStart!.startsWith('2025-03-')).toBe(true);
      expect(r.BillingPeriodStart).toBe('2025-04-01T00:00:00Z');
    }
    // The closed month's own FOCUS file is as frozen: no correction rows, the old total.
    const marchFocus = await focus('2025-03');
    expect(marchFocus.every((r) => r.ChargeClass === '')).toBe(true);
    expect(marchFocus.reduce((s, r) => s + micro(r.EffectiveCost!), 0n)).toBe(micro(before.totals.tco_usd));
  });

  it('closing the month that carries a correction books it; a later change goes to the next open month', async () => {
    const aprilOpen = await report('2025-04');
    expect((await closeMonth('2025-04')).status).toBe(200);
    const april = await report('2025-04');
    expect(april.status).toBe('closed');
    expect(april.corrections).toEqual(aprilOpen.corrections);
    expect(april.totals).toEqual(aprilOpen.totals);

    // A late event for March, after both months closed, lands in May.
    const late = makeEvent({
      id: 'late',
      team: 'alpha',
      model: 'm1',
      timestamp: new Date('2025-03-25T09:00:00Z'),
      outputTokens: 125_000,
    });
    await writeEventBatch(db, [late], await getIngestContext(db));
    const may = await report('2025-05');
    expect(may.corrections).toEqual([{ month: '2025-03', usd: '1.000000' }]); // 125,000 x 8 / 1M
    expect((await report('2025-03')).pending_correction).toEqual({ usd: '1.000000', book_in: '2025-05' });
    // April's booking of March's first correction stays where it was: only what is new moves.
    expect((await report('2025-04')).corrections).toEqual([{ month: '2025-03', usd: '0.800000' }]);
    const rows = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'closed_month'`,
    );
    expect(rows[0]!.n).toBe(2);
  });
});
