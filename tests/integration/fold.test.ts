import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { bumpPricebookVersion } from '@/db/writes/settings';
import { insertPriceBook } from '@/db/writes/pricebook';
import { insertNewEvents } from '@/db/writes/events';
import { getIngestContext, invalidateIngestContext } from '@/ingest/context';
import { priceEvent } from '@/lib/costing/direct';
import { writeEventBatch, type FoldMode } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { releaseDeltas } from '@/costing/held-deltas';
import { forgetWrittenWorkflows, tryDirectCopy } from '@/db/writes/written-workflows';
import { makeEvent, makePool, makePrice, usdPer1m } from '../support/events';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { arbEvent, toEvents } from './support/random-events';

// Deferred batches (fold `later`) folded many at a time must leave exactly the tables that
// merging each batch in its own transaction (fold `now`) leaves.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  const from = new Date('2026-01-01T00:00:00Z');
  await insertPriceBook(
    db,
    {
      modelPrices: [
        makePrice({ model: 'm1', effectiveFrom: from }),
        makePrice({ model: 'm2', inputPer1m: usdPer1m('0.15'), outputPer1m: usdPer1m('0.6'), effectiveFrom: from }),
      ],
      pools: [makePool({ name: 'p1', effectiveFrom: from }), makePool({ name: 'p2', effectiveFrom: from })],
    },
    'test',
  );
});
afterAll(() => db.destroy());

/**
 * What ingest leaves behind, clock columns aside. Review seconds are float sums, so regrouping
 * batches (as re-batching does too) can move their last decimals: they are compared to 1e-6.
 * Everything else, useful output tokens (exact nano-tokens) included, must match exactly.
 */
async function dump() {
  const rows = async (sql: string) => (await db.query<{ r: string }>(sql)).map((x) => x.r);
  return {
    rollups: await rows(
      `select (to_jsonb(t) - 'human_review_seconds')::text || ' review ' || round(human_review_seconds::numeric, 6) as r
         from daily_rollups t order by 1`,
    ),
    // previous_day records the last merge, and folding merges fewer times: it is bookkeeping, not a figure.
    workflows: await rows(`select (to_jsonb(t) - 'previous_day')::text as r from workflows t order by 1`),
    dirty: await rows(`select day::text as r from dirty_days order by 1`),
    teams: await rows(`select slug as r from teams order by 1`),
    pending: await rows(`select seq::text as r from pending_batches`),
  };
}

/**
 * Drops the deltas this process holds for the pending batches, as if another process (or this
 * one before a restart) had written them: the folder must then sum their stored events again.
 */
async function forgetHeldDeltas() {
  for (const { token } of await db.query<{ token: string }>('select token from pending_batches')) releaseDeltas(token);
}

/**
 * Sends `events` in batches of `size`, each batch twice when `resend` (the second time all
 * duplicates); with `forget`, no fold finds the deltas held; with `forgetWritten`, no merge
 * remembers writing a workflow, so one stored by an earlier merge fails the direct COPY of new
 * workflows and is upserted after all.
 */
async function ingest(
  events: CutEvent[],
  size: number,
  fold: FoldMode,
  foldAfter: ReadonlySet<number>,
  options: { resend?: boolean; forget?: boolean; forgetWritten?: boolean } = {},
) {
  const foldNow = async () => {
    if (options.forget) await forgetHeldDeltas();
    if (options.forgetWritten) forgetWrittenWorkflows();
    await foldPending(db);
  };
  for (let i = 0, n = 0; i < events.length; i += size, n++) {
    const batch = events.slice(i, i + size);
    if (options.forgetWritten) forgetWrittenWorkflows();
    const first = await writeEventBatch(db, batch, await getIngestContext(db), { fold });
    expect(first.accepted).toBe(batch.length);
    if (options.resend) {
      expect((await writeEventBatch(db, batch, await getIngestContext(db), { fold })).accepted).toBe(0);
    }
    if (foldAfter.has(n)) await foldNow();
  }
  await foldNow();
}

async function reset() {
  await clearTelemetry(db);
  await db.exec('delete from teams; delete from workload_classes');
  invalidateIngestContext(db);
}

describe('folding deferred batches', () => {
  let run = 0;
  it('gives the tables that merging each batch at once gives, wherever the folds fall, held deltas or not, workflows remembered or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbEvent, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 13 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (specs, size, foldAfter, resend, forget, forgetWritten) => {
          const events = toEvents(specs, run++);
          await reset();
          await ingest(events, size, 'now', new Set(), { resend, forgetWritten });
          const merged = await dump();
          await reset();
          await ingest(events, size, 'later', new Set(foldAfter), { resend, forget, forgetWritten });
          expect(await dump()).toEqual(merged);
          expect(merged.pending).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('folds a batch it holds no deltas for by its transaction time alone, as a row the previous version left', async () => {
    await reset();
    const events = toEvents(fc.sample(arbEvent, { numRuns: 30, seed: 5 }), run++);
    await writeEventBatch(db, events, await getIngestContext(db));
    const merged = await dump();
    await reset();
    const { book } = await getIngestContext(db);
    await db.transaction(async (tx) => {
      await insertNewEvents(
        tx,
        events.map((event) => ({ event, cost: priceEvent(event, book) })),
        'direct',
      );
      // No token and no time span: the events are found by ingested_at alone.
      await tx.exec(`insert into pending_batches (days) values ('{0}')`);
    });
    await foldPending(db);
    expect(await dump()).toEqual(merged);
  });

  it('upserts every workflow when one it took for new (not remembered) is stored, and backs off from the direct COPY', async () => {
    await reset();
    const at = (minute: number) => new Date(Date.UTC(2026, 3, 2, 10, minute));
    const event = (id: string, workflowId: string, minute: number) =>
      makeEvent({ id, workflowId, team: 'alpha', model: 'm1', timestamp: at(minute), outputTokens: 100 });
    await writeEventBatch(db, [event('a1', 'stored', 1)], await getIngestContext(db), { fold: 'later' });
    await foldPending(db);
    // As after a restart: the stored workflow is taken for new, with another that is.
    forgetWrittenWorkflows();
    const later = [event('a2', 'stored', 2), event('b1', 'fresh', 3)];
    await writeEventBatch(db, later, await getIngestContext(db), { fold: 'later' });
    await foldPending(db);
    const rows = await db.query<{ workflow_id: string; events: number; last: string }>(
      `select workflow_id, events, last_event_id as last from workflows order by workflow_id`,
    );
    expect(rows).toEqual([
      { workflow_id: 'fresh', events: 1, last: 'b1' },
      { workflow_id: 'stored', events: 2, last: 'a2' },
    ]);
    // The failed COPY makes the next merge upsert without trying it.
    expect(tryDirectCopy()).toBe(false);
    forgetWrittenWorkflows();
    expect(tryDirectCopy()).toBe(true);
  });

  it('stores nothing for the folder when a batch is all duplicates', async () => {
    await reset();
    const events = toEvents([fc.sample(arbEvent, { numRuns: 1, seed: 7 })[0]!], run++);
    await writeEventBatch(db, events, await getIngestContext(db), { fold: 'later' });
    await writeEventBatch(db, events, await getIngestContext(db), { fold: 'later' });
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from pending_batches');
    expect(row!.n).toBe(1);
  });

  it('re-prices a deferred batch whose price book changed before it was written', async () => {
    await reset();
    const events = toEvents(fc.sample(arbEvent, { numRuns: 20, seed: 11 }), run++);
    const stale = await getIngestContext(db);
    await db.transaction(async (tx) => {
      const at = new Date('2026-02-01T00:00:00Z');
      await insertPriceBook(
        tx,
        { modelPrices: [makePrice({ model: 'm1', inputPer1m: usdPer1m('9'), effectiveFrom: at })] },
        'test',
      );
      await bumpPricebookVersion(tx);
    });
    invalidateIngestContext(db);
    const reload = async () => ({ ...(await getIngestContext(db)), reload });
    await writeEventBatch(db, events, { ...stale, reload }, { fold: 'later' });
    await foldPending(db);
    const deferred = await dump();
    await clearTelemetry(db);
    await writeEventBatch(db, events, await getIngestContext(db));
    expect(await dump()).toEqual(deferred);
  });
});
