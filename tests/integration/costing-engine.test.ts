import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { requestReprice } from '@/costing/reprice';
import { settleDays } from '@/costing/settle';
import { insertPriceBook } from '@/db/writes/pricebook';
import { unsettleDays } from '@/db/writes/settle';
import { bumpPricebookVersion } from '@/db/writes/settings';
import { getIngestContext, invalidateIngestContext } from '@/ingest/context';
import { writeEventBatch, type FoldMode } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { makeEvent, makePool, makePrice, usdPer1m } from '../support/events';
import { WORKED_DAY, workedExampleBook, workedExampleEvents } from '../support/worked-example';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await insertPriceBook(db, workedExampleBook, 'test');
});
afterAll(() => db.destroy());

async function reset() {
  await clearTelemetry(db);
  await db.query(`delete from settings where key = 'idle_policy'`);
  invalidateIngestContext(db);
}

async function ingest(events: CutEvent[], fold: FoldMode = 'now') {
  for (let i = 0; i < events.length; i += 500) {
    await writeEventBatch(db, events.slice(i, i + 500), await getIngestContext(db), { fold });
  }
}

async function dayTotals(day: string) {
  const [r] = await db.query<Record<string, string>>(
    `select (select coalesce(sum(l1_usd + l2_usd + l3_usd + l4_usd), 0) from daily_rollups where day = $1::date)::text as direct,
            (select coalesce(sum(usd), 0) from allocations where day = $1::date)::text as allocated,
            (select coalesce(sum(usd), 0) from allocations where day = $1::date and team = '__unallocated__')::numeric(24, 12)::text as unallocated,
            (select coalesce(sum(accepted_workflows), 0) from workflow_rollups where day = $1::date)::text as accepted,
            (select coalesce(sum(useful_output_tokens), 0) from workflow_rollups where day = $1::date)::text as useful`,
    [day],
  );
  return r!;
}

describe('settling a day (cut-model.md 6)', () => {
  beforeEach(reset);

  it('idle 18 GPU-h x 4.00 = 72.00 goes to support under `share`: TCO 24.14 + 72.00 = 96.14', async () => {
    await ingest(workedExampleEvents());
    expect(await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY })).toBe(1);
    expect(await dayTotals(WORKED_DAY)).toEqual({
      direct: '24.140000000000',
      allocated: '72.000000000000',
      unallocated: '0.000000000000',
      accepted: '800',
      useful: '240000.000000000',
    });
    const [pool] = await db.query(
      `select provisioned_gpu_hours::text p, used_gpu_hours::text u, idle_gpu_hours::text i, idle_usd::text c
         from pool_days where day = $1::date and pool = 'h100-a'`,
      [WORKED_DAY],
    );
    expect(pool).toEqual({ p: '24.000000000', u: '6.000000000', i: '18.000000000', c: '72.000000000000' });
  });

  it('under `separate` the same 72.00 stays on __unallocated__, and the total does not move', async () => {
    await ingest(workedExampleEvents());
    await db.query(`insert into settings (key, value) values ('idle_policy', '"separate"')`);
    await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY });
    const totals = await dayTotals(WORKED_DAY);
    expect(totals.allocated).toBe('72.000000000000');
    expect(totals.unallocated).toBe('72.000000000000');
  });

  it('a settled day is not settled again until something changes it', async () => {
    await ingest(workedExampleEvents());
    await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY });
    expect(await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY })).toBe(0);
    await ingest([makeEvent({ id: 'late', timestamp: new Date(`${WORKED_DAY}T12:00:00Z`), model: 'judge' })]);
    expect(await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY })).toBe(1);
    await unsettleDays(db);
    expect(await settleDays(db, { from: WORKED_DAY, to: WORKED_DAY })).toBe(1);
  });
});

describe('re-pricing equals ingesting afresh under the new price (invariant 5)', () => {
  const day = '2026-06-10';
  const arbEvent = fc.record({
    managed: fc.boolean(),
    inputTokens: fc.integer({ min: 0, max: 50_000 }),
    outputTokens: fc.integer({ min: 0, max: 5_000 }),
    retryCount: fc.integer({ min: 0, max: 3 }),
    hour: fc.integer({ min: 0, max: 23 }),
    gpuMillis: fc.integer({ min: 0, max: 20_000 }),
  });

  /** The tables as a read sees them: batches still pending are folded first, as every read does. */
  async function snapshot() {
    await foldPending(db);
    const events = await db.query(
      `select team, id, cost_usd::text, cost_source::text, l1_usd::text, l2_usd::text, l3_usd::text from events order by team, id`,
    );
    const rollups = await db.query(
      `select day::text, model, pool, requests::text, base_usd::text, l1_usd::text, l2_usd::text, l3_usd::text, l4_usd::text
         from daily_rollups order by day, model, pool`,
    );
    return { events, rollups };
  }

  // `later`: the batches are still waiting for the folder when the price changes; the re-pricing
  // must fold them first, or it would count their events twice.
  it.each(['now', 'later'] as const)(
    'for random events on a managed model and a pool, after both prices change (fold %s)',
    async (fold) => {
      let version = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(arbEvent, { minLength: 1, maxLength: 40 }), async (specs) => {
          await reset();
          await db.exec(`delete from model_prices where model = 'm1'; delete from gpu_pools where name = 'p1'`);
          const from = new Date('2026-01-01T00:00:00Z');
          await insertPriceBook(
            db,
            {
              modelPrices: [makePrice({ model: 'm1', effectiveFrom: from })],
              pools: [makePool({ name: 'p1', effectiveFrom: from })],
            },
            'test',
          );
          const events = specs.map((s, i) =>
            makeEvent({
              id: `r${version}-${i}`,
              timestamp: new Date(`${day}T${String(s.hour).padStart(2, '0')}:15:00Z`),
              model: s.managed ? 'm1' : 'llama',
              pool: s.managed ? null : 'p1',
              inputTokens: s.inputTokens,
              outputTokens: s.outputTokens,
              retryCount: s.retryCount,
              gpuHours: s.managed ? '0' : (s.gpuMillis / 1000).toFixed(3),
            }),
          );
          version++;
          await ingest(events, fold);
          // New prices in force from before every event, as a correction would be.
          const changedAt = new Date('2026-03-01T00:00:00Z');
          await db.transaction(async (tx) => {
            await insertPriceBook(
              tx,
              {
                modelPrices: [
                  makePrice({
                    model: 'm1',
                    inputPer1m: usdPer1m('3.7'),
                    outputPer1m: usdPer1m('11.3'),
                    effectiveFrom: changedAt,
                  }),
                ],
                pools: [makePool({ name: 'p1', usdPerGpuHour: 2_345_678n, effectiveFrom: changedAt })],
              },
              'test',
            );
            await bumpPricebookVersion(tx);
          });
          invalidateIngestContext(db);
          await requestReprice(db, {
            reason: 'm1',
            fromDay: '2026-03-01',
            filter: { kind: 'model', provider: 'openai', model: 'm1', match: 'exact' },
          });
          await requestReprice(db, { reason: 'p1', fromDay: '2026-03-01', filter: { kind: 'pool', pool: 'p1' } });
          const repriced = await snapshot();
          await clearTelemetry(db);
          await ingest(events);
          expect(await snapshot()).toEqual(repriced);
        }),
        { numRuns: 12 },
      );
    },
  );
});
