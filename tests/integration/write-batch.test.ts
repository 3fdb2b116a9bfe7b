import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertOutcomes } from '@/db/writes/outcomes';
import { insertPriceBook } from '@/db/writes/pricebook';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch, type BatchContext } from '@/ingest/write-batch';
import type { CutEvent } from '@/lib/events/event';
import { makeEvent } from '../support/events';
import { workedExampleBook, workedExampleEvents } from '../support/worked-example';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;
let ctx: BatchContext;

beforeAll(async () => {
  db = await freshDatabase();
  await insertPriceBook(db, workedExampleBook, 'test');
  ctx = await getIngestContext(db);
});
afterAll(() => db.destroy());
beforeEach(async () => {
  await clearTelemetry(db, { outcomes: true });
});

const workedExample = workedExampleEvents;

async function totals() {
  const [row] = await db.query<Record<string, string>>(
    `select sum(requests)::text requests, sum(base_usd)::text base, sum(l1_usd)::text l1, sum(l2_usd)::text l2,
            sum(l3_usd)::text l3, sum(l4_usd)::text l4, sum(gpu_hours)::text gpu, sum(output_tokens)::text output
       from daily_rollups`,
  );
  const [wf] = await db.query<Record<string, string>>(
    `select count(*)::text workflows, count(*) filter (where acceptance_status = 'accepted')::text accepted,
            sum(useful_output_tokens) filter (where acceptance_status = 'accepted')::text useful
       from workflows`,
  );
  const [ev] = await db.query<{ n: string }>('select count(*)::text n from events');
  return { ...row, ...wf, events: ev!.n };
}

describe('writeEventBatch', () => {
  it('reproduces the direct part of the worked example: base 24.14, L2 20.67 + L3 3.33 + L4 0.14', async () => {
    const result = await writeEventBatch(db, workedExample(), ctx);
    expect(result).toMatchObject({ accepted: 1200, duplicates: 0 });
    expect(await totals()).toEqual({
      requests: '1200',
      base: '24.140000000000',
      l1: '0.000000000000',
      // 1,000 x (0.024 - 0.00333333333333) with each event's L3 rounded to the pico-dollar
      l2: '20.666666667000',
      l3: '3.333333333000',
      l4: '0.140000000000',
      gpu: '6.000000000',
      output: '410000',
      workflows: '1000',
      accepted: '800',
      useful: '240000.000000000',
      events: '1200',
    });
  });

  it('re-sending the batch changes nothing and reports every event as a duplicate', async () => {
    await writeEventBatch(db, workedExample(), ctx);
    const before = await totals();
    const again = await writeEventBatch(db, workedExample(), ctx);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1200 });
    expect(await totals()).toEqual(before);
  });

  it('the same id twice in one batch is stored once', async () => {
    const e = makeEvent({ id: 'dup', outputTokens: 1000 });
    const result = await writeEventBatch(db, [e, e], ctx);
    expect(result).toMatchObject({ accepted: 1, duplicates: 1 });
  });

  it('ingesting in any order, in any batch split, gives the same figures', async () => {
    const events = workedExample();
    await writeEventBatch(db, events, ctx);
    const inOrder = await totals();
    await clearTelemetry(db);
    const shuffled = [...events].reverse();
    for (let i = 0; i < shuffled.length; i += 137) await writeEventBatch(db, shuffled.slice(i, i + 137), ctx);
    expect(await totals()).toEqual(inOrder);
  });

  it('merges latency histograms across batches into one row', async () => {
    await writeEventBatch(db, [makeEvent({ id: 'a', latencyMs: 10 })], ctx);
    await writeEventBatch(db, [makeEvent({ id: 'b', latencyMs: 10 }), makeEvent({ id: 'c', latencyMs: 1000 })], ctx);
    const [row] = await db.query<{ n: number; total: number }>(
      `select count(*)::int n, (select sum(x) from unnest(latency_hist) x)::int total from daily_rollups group by latency_hist`,
    );
    expect(row).toEqual({ n: 1, total: 3 });
  });
});

describe('workflow acceptance', () => {
  const ev = (id: string, at: string, acceptanceStatus: CutEvent['acceptanceStatus'] = 'pending') =>
    makeEvent({ id, workflowId: 'w1', timestamp: new Date(at), acceptanceStatus, outputTokens: 10 });

  it('an outcome that arrives before the events applies when they arrive', async () => {
    await insertOutcomes(db, [
      {
        workflowId: 'w1',
        team: null,
        acceptanceStatus: 'accepted',
        rejectionReason: null,
        humanReviewSeconds: 0,
        timestamp: new Date('2026-05-05T00:00:00Z'),
      },
    ]);
    await writeEventBatch(db, [ev('a', '2026-05-04T10:00:00Z')], ctx);
    const [w] = await db.query<{ acceptance_status: string }>(`select acceptance_status::text from workflows`);
    expect(w?.acceptance_status).toBe('accepted');
  });

  it('the latest non-pending status wins, whichever arrives first', async () => {
    await writeEventBatch(db, [ev('b', '2026-05-04T12:00:00Z', 'rejected')], ctx);
    await writeEventBatch(db, [ev('a', '2026-05-04T10:00:00Z', 'accepted')], ctx);
    await insertOutcomes(db, [
      {
        workflowId: 'w1',
        team: 'support',
        acceptanceStatus: 'pending',
        rejectionReason: null,
        humanReviewSeconds: 0,
        timestamp: new Date('2026-05-06T00:00:00Z'),
      },
    ]);
    const [w] = await db.query<{ acceptance_status: string; events: number; last: string }>(
      `select acceptance_status::text, events, to_char(last_event_at at time zone 'UTC', 'HH24:MI') as last from workflows`,
    );
    expect(w).toEqual({ acceptance_status: 'rejected', events: 2, last: '12:00' });
  });

  it('re-sending an outcome is a no-op', async () => {
    const o = {
      workflowId: 'w9',
      team: null,
      acceptanceStatus: 'accepted' as const,
      rejectionReason: null,
      humanReviewSeconds: 5,
      timestamp: new Date('2026-05-05T00:00:00Z'),
    };
    expect(await insertOutcomes(db, [o, o])).toBe(1);
    expect(await insertOutcomes(db, [o])).toBe(0);
  });
});
