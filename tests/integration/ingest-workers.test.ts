import fc from 'fast-check';
import { foldPending } from '@/costing/fold';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { bumpPricebookVersion } from '@/db/writes/settings';
import { getIngestContext, invalidateIngestContext } from '@/ingest/context';
import { ingestEventBody } from '@/ingest/native/events';
import { IngestWorkerPool } from '@/ingest/parallel/pool';
import { prepareEventBatch } from '@/ingest/parallel/prepare';
import { setEventPreparer, type EventPreparer } from '@/ingest/parallel/registry';
import { storePreparedBatch } from '@/ingest/parallel/store';
import { freshDatabase, type TestDatabase } from './support/database';
import { event } from './support/ingest-app';
import { breakArb, validFieldsArb } from './support/malformed-events';

/**
 * The worker path (prepare off-thread, then one direct write) must answer and store exactly what
 * the ordinary path does. Each scenario runs on two fresh databases, one per path, and the
 * answers and every table ingest writes are compared.
 */
let ordinary: TestDatabase;
let prepared: TestDatabase;
let pool: IngestWorkerPool;
/** bodies the pool prepared (rather than answered null for) */
let preparedByPool = 0;

beforeAll(async () => {
  [ordinary, prepared] = await Promise.all([freshDatabase(), freshDatabase()]);
  pool = new IngestWorkerPool(2, (err) => {
    throw err;
  });
  await waitFor(() => pool.ready === 2);
});
afterAll(async () => {
  setEventPreparer(undefined);
  await pool.close();
  await Promise.all([ordinary.destroy(), prepared.destroy()]);
});

async function waitFor(done: () => boolean, ms = 60_000) {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const countingPool: EventPreparer = {
  async prepare(body, scope, ctx) {
    const batch = await pool.prepare(body, scope, ctx);
    if (batch) preparedByPool += 1;
    return batch;
  },
};

const body = (events: unknown[]) => Buffer.from(JSON.stringify({ events }));

/** Sends the same request to both databases, each by its own path, and expects the same answer. */
async function both(payload: Buffer, team: string | null = null) {
  setEventPreparer(undefined);
  const expected = await ingestEventBody(ordinary, payload, { team }).catch((err: Error) => err);
  setEventPreparer(countingPool);
  try {
    const actual = await ingestEventBody(prepared, payload, { team }).catch((err: Error) => err);
    expect(actual).toEqual(expected);
    return actual;
  } finally {
    setEventPreparer(undefined);
  }
}

/** Every row ingest writes, once folded, minus the clock columns. */
async function dump(db: Database) {
  await foldPending(db);
  const tables = ['events', 'daily_rollups', 'workflows', 'dirty_days', 'teams', 'workload_classes'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.query<{ r: string }>(
      `select (to_jsonb(t) - 'ingested_at' - 'created_at' - 'since' - 'updated_at' - 'previous_day')::text as r from ${table} t order by 1`,
    );
    out[table] = rows.map((row) => row.r);
  }
  return out;
}

const expectSameTables = async () => expect(await dump(prepared)).toEqual(await dump(ordinary));

describe('ingest through worker threads', () => {
  it('stores a batch exactly as the ordinary path does, and the pool did the preparing', async () => {
    const before = preparedByPool;
    const events = Array.from({ length: 300 }, (_, n) =>
      event({
        id: `w-${n}`,
        team: n % 3 ? 'support' : 'research',
        workflow_id: `wf-${n % 40}`,
        timestamp: `2026-05-0${1 + (n % 4)}T${String(n % 24).padStart(2, '0')}:00:00Z`,
        stage: n % 5 ? 'generation' : 'tool',
        acceptance_status: n % 7 ? 'pending' : 'accepted',
        output_tokens: n,
        ttft_ms: n % 2 ? 120 + n : undefined,
        attributes: n % 4 ? undefined : { feature: 'x\ty', n },
      }),
    );
    expect(await both(body(events))).toMatchObject({ items: 300, result: { accepted: 300, duplicates: 0 } });
    expect(preparedByPool).toBe(before + 1);
    await expectSameTables();
  });

  it('answers a re-sent batch (all duplicates) and a partly stored one by falling back', async () => {
    const again = Array.from({ length: 50 }, (_, n) => event({ id: `w-${n}`, team: n % 3 ? 'support' : 'research' }));
    const fresh = Array.from({ length: 20 }, (_, n) => event({ id: `new-${n}` }));
    expect(await both(body(again))).toMatchObject({ result: { accepted: 0, duplicates: 50 } });
    expect(await both(body([...again.slice(0, 10), ...fresh]))).toMatchObject({
      result: { accepted: 20, duplicates: 10 },
    });
    await expectSameTables();
  });

  it('gives the same rejections, ids and messages for broken events among good ones', async () => {
    const items = fc.sample(
      fc.oneof(
        validFieldsArb,
        fc.tuple(validFieldsArb, breakArb).map(([fields, broken]) => {
          broken.apply(fields);
          return fields;
        }),
      ),
      { numRuns: 200, seed: 42 },
    );
    const repeated = [...items, items[0], 'not an object', null, [], { id: 'only-an-id' }];
    const before = preparedByPool;
    const answer = await both(body(repeated));
    expect(answer).toMatchObject({ items: repeated.length });
    expect(preparedByPool).toBe(before + 1);
    await expectSameTables();
  });

  it('applies a team-scoped key the same way', async () => {
    const events = [event({ team: 'support' }), event({ team: 'research' }), event({ team: 'support' })];
    expect(await both(body(events), 'support')).toMatchObject({ result: { accepted: 2, rejected: [{ index: 1 }] } });
    await expectSameTables();
  });

  it('reports malformed bodies and envelopes with the same errors', async () => {
    for (const raw of ['{"events": [', '[]', '{"events": {}}', '{"outcomes": []}', '"\u00ff"', '']) {
      await both(Buffer.from(raw));
    }
    await both(Buffer.from([0x7b, 0x22, 0x65, 0xff, 0xfe, 0x22, 0x3a, 0x5b, 0x5d, 0x7d]));
    await both(body(Array.from({ length: 5_001 }, () => ({}))));
    await expectSameTables();
  });
});

describe('a prepared batch is not written', () => {
  it('when the price book changed after it was priced; the ordinary path then re-prices it', async () => {
    const payload = body([event({ id: 'stale-1' }), event({ id: 'stale-2' })]);
    const ctx = await getIngestContext(prepared);
    const batch = prepareEventBatch(payload, { team: null }, ctx);
    await bumpPricebookVersion(prepared);
    expect(await storePreparedBatch(prepared, batch!)).toBeNull();
    expect(await prepared.query('select 1 from events where id like $1', ['stale-%'])).toHaveLength(0);
    // Both still hold the old context (for a few seconds): each path must notice and re-price.
    await bumpPricebookVersion(ordinary);
    await getIngestContext(ordinary);
    expect(await both(payload)).toMatchObject({ result: { accepted: 2 } });
    invalidateIngestContext(ordinary);
    invalidateIngestContext(prepared);
    await expectSameTables();
  });

  it('when a body is not an events envelope (the pool answers null)', async () => {
    const ctx = await getIngestContext(prepared);
    expect(await pool.prepare(Buffer.from('{"events": 1}'), { team: null }, ctx)).toBeNull();
    expect(prepareEventBatch(Buffer.from('nope'), { team: null }, ctx)).toBeNull();
  });
});
