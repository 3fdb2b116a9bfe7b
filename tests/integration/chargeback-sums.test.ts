import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as chargeback } from '@/app/api/v1/chargeback/route';
import { GET as metrics } from '@/app/api/v1/metrics/route';
import { setDatabase } from '@/db/instance';
import { getIngestContext, invalidateIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import type { ChargebackJson } from '@/lib/api/chargeback-wire';
import { daysInMonth } from '@/lib/chargeback/month';
import type { CutEvent } from '@/lib/events/event';
import { parseDecimal } from '@/lib/money';
import { makeEvent } from '../support/events';
import { adminHeaders } from './support/admin-key';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { insertRandomEventsBook } from './support/random-events';

// Chargeback adds up to the cent on random months, under both idle policies, with a fixed cost
// under every split rule in force (cut-model.md 5, invariant 2).
let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
  setDatabase(db);
  await insertRandomEventsBook(db, '2024-01-01');
});
afterAll(() => db.destroy());

const arbEvent = fc.record({
  team: fc.constantFrom('alpha', 'beta', 'gamma'),
  workloadClass: fc.constantFrom('customer_support', 'agentic_coding'),
  target: fc.constantFrom('m1', 'm2', 'p1', 'p2'),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  inputTokens: fc.integer({ min: 0, max: 20_000 }),
  outputTokens: fc.integer({ min: 0, max: 3_000 }),
  retryCount: fc.integer({ min: 0, max: 2 }),
  reviewSeconds: fc.constantFrom(0, 0, 45.5),
  gpuMillis: fc.integer({ min: 0, max: 400_000 }),
  acceptance: fc.constantFrom('accepted', 'rejected', 'pending'),
  workflow: fc.integer({ min: 0, max: 15 }),
});
type Spec = typeof arbEvent extends fc.Arbitrary<infer T> ? T : never;

function toEvents(specs: Spec[], month: string, run: number): CutEvent[] {
  return specs.map((s, i) => {
    const pool = s.target.startsWith('p') ? s.target : null;
    return makeEvent({
      id: `cb${run}-${i}`,
      workflowId: `wf${run}-${s.workflow}`,
      team: s.team,
      workloadClass: s.workloadClass,
      timestamp: new Date(`${month}-${String(s.day).padStart(2, '0')}T${String(s.hour).padStart(2, '0')}:10:00Z`),
      model: pool ? 'llama' : s.target,
      provider: pool ? 'self-hosted' : 'openai',
      pool,
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      retryCount: s.retryCount,
      humanReviewSeconds: s.reviewSeconds,
      gpuHours: pool ? (s.gpuMillis / 1000).toFixed(3) : '0',
      acceptanceStatus: s.acceptance as CutEvent['acceptanceStatus'],
    });
  });
}

async function reset(policy: 'share' | 'separate') {
  await clearTelemetry(db);
  await db.query(`delete from settings where key = 'idle_policy'`);
  await db.query(`insert into settings (key, value) values ('idle_policy', $1::jsonb)`, [JSON.stringify(policy)]);
  invalidateIngestContext(db);
}

async function get(path: string): Promise<Response> {
  const res = await chargeback(new Request(`http://cut.test${path}`, { headers: await adminHeaders(db) }));
  expect(res.status, path).toBe(200);
  return res;
}

const micro = (usd: string) => parseDecimal(usd, 6);
const pico = (usd: string) => parseDecimal(usd, 12);
const LAYERS = ['l1_usd', 'l2_usd', 'l3_usd', 'l4_usd', 'l5_usd'] as const;
const KINDS = ['direct_usd', 'idle_usd', 'shared_usd', 'assigned_usd'] as const;

describe.each(['share', 'separate'] as const)('under the %s idle policy', (policy) => {
  let run = 0;
  it('teams (with the unallocated line) add up to the month TCO to the cent; so do layers, kinds and FOCUS rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(arbEvent, { minLength: 1, maxLength: 50 }),
        async (m, specs) => {
          const month = `2025-${String(m).padStart(2, '0')}`;
          await reset(policy);
          const ctx = await getIngestContext(db);
          await writeEventBatch(db, toEvents(specs, month, run++), ctx);
          const body = (await (await get(`/api/v1/chargeback?month=${month}`)).json()) as ChargebackJson;

          const rows = [...body.rows, ...(body.unallocated ? [body.unallocated] : [])];
          const sum = (key: (typeof LAYERS)[number] | 'tco_usd') => rows.reduce((s, r) => s + micro(r[key]), 0n);
          expect(body.rows.length).toBeGreaterThan(0);
          expect(body.reconciliation.balanced).toBe(true);
          expect(sum('tco_usd')).toBe(micro(body.totals.tco_usd));
          expect(micro(body.totals.tco_usd)).toBe(micro(body.reconciliation.month_tco_usd));
          for (const row of [...rows, body.totals]) {
            expect(micro(row.tco_usd) % 10_000n).toBe(0n); // whole cents
            expect(LAYERS.reduce((s, k) => s + micro(row[k]), 0n)).toBe(micro(row.tco_usd));
            expect(KINDS.reduce((s, k) => s + micro(row[k]), 0n)).toBe(micro(row.tco_usd));
          }
          for (const k of LAYERS) expect(sum(k)).toBe(micro(body.totals[k]));

          // The metrics API's month total, rounded once to the cent, is the report's total.
          const total = await metrics(
            new Request(`http://cut.test/api/v1/metrics?from=${month}-01&to=${month}-${daysInMonth(month)}`, {
              headers: await adminHeaders(db),
            }),
          );
          const [engine] = ((await total.json()) as { rows: Array<{ tco_usd: string }> }).rows;
          const exact = pico(body.reconciliation.month_tco_exact_usd);
          expect(micro(engine!.tco_usd) - exact / 1_000_000n).toBeLessThanOrEqual(1n);
          const diff = micro(body.totals.tco_usd) * 1_000_000n - exact;
          expect(diff <= 5_000_000_000n && diff >= -5_000_000_000n).toBe(true); // within half a cent

          if (policy === 'separate' && micro(body.totals.idle_usd) > 0n) {
            expect(body.unallocated && micro(body.unallocated.idle_usd)).toBe(micro(body.totals.idle_usd));
          }

          const csv = await (await get(`/api/v1/chargeback?month=${month}&format=focus`)).text();
          const focus = parse(csv, { columns: true }) as Array<Record<string, string>>;
          for (const row of rows) {
            const own = focus.filter((f) => f.SubAccountId === row.team);
            expect(own.reduce((s, f) => s + micro(f.EffectiveCost!), 0n)).toBe(micro(row.total_usd));
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});
