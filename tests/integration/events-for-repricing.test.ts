import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedValues } from '@/costing/stored-cost';
import { eachEventForRepricing, type StoredCost } from '@/db/queries/events-for-repricing';
import { getPriceBook } from '@/db/queries/pricebook';
import { insertPriceBook } from '@/db/writes/pricebook';
import { getIngestContext } from '@/ingest/context';
import { writeEventBatch } from '@/ingest/write-batch';
import { priceEvent } from '@/lib/costing/direct';
import type { CutEvent } from '@/lib/events/event';
import { addToRollups, aggregateRollups, RollupRows } from '@/lib/rollup/aggregate';
import { makeEvent, makePool, makePrice } from '../support/events';
import { freshDatabase, type TestDatabase } from './support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await insertPriceBook(
    db,
    { modelPrices: [makePrice({ model: 'gpt test\tv2' })], pools: [makePool({ name: 'p 1' })] },
    'test',
  );
});
afterAll(() => db.destroy());

const DAY = '2026-03-02';
const range = { start: new Date(`${DAY}T00:00:00Z`), end: new Date('2026-03-03T00:00:00Z') };

/** Events whose every field that pricing or the rollups read takes an unusual value somewhere. */
const events: CutEvent[] = [
  makeEvent({
    id: 'managed id with spaces',
    timestamp: new Date(`${DAY}T10:15:30.123Z`),
    model: 'gpt test\tv2',
    inputTokens: 12_345,
    cachedTokens: 2_000,
    retrievedTokens: 700,
    outputTokens: 999,
    reasoningTokens: 100,
    retryCount: 2,
    toolCalls: 3,
    latencyMs: 0.37,
    ttftMs: 12.5,
    humanReviewSeconds: 45.5,
  }),
  makeEvent({
    id: 'reported',
    timestamp: new Date(`${DAY}T00:00:00Z`),
    model: 'gpt test\tv2',
    stage: 'evaluation',
    reportedCostUsd: '0.123456789012',
    status: 'error',
    fallback: true,
    latencyMs: 1e9,
  }),
  makeEvent({
    id: 'pool',
    timestamp: new Date(`${DAY}T23:59:59.999Z`),
    team: 'platform',
    workloadClass: 'agentic_coding',
    model: 'llama',
    provider: 'self-hosted',
    pool: 'p 1',
    stage: 'retrieval',
    inputTokens: 5,
    outputTokens: 7,
    gpuHours: '0.006000001',
    ttftMs: 0,
  }),
  makeEvent({ id: 'unpriced', timestamp: new Date(`${DAY}T08:00:00Z`), model: 'no-such-model', stage: 'tool' }),
  makeEvent({ id: 'next day', timestamp: range.end, model: 'gpt test\tv2' }),
];

async function readDay(filter: Parameters<typeof eachEventForRepricing>[2]) {
  const read = new Map<string, { event: CutEvent; stored: StoredCost }>();
  await eachEventForRepricing(db, range, filter, (event, stored) => read.set(event.id, { event, stored }));
  return read;
}

describe('eachEventForRepricing', () => {
  it('hands over each event of the range with what pricing and the rollups read, and its stored cost', async () => {
    await writeEventBatch(db, events, await getIngestContext(db), { fold: 'now' });
    const book = await getPriceBook(db);
    const read = await readDay({ kind: 'all' });
    const inDay = events.filter((e) => e.timestamp < range.end);
    expect([...read.keys()].sort()).toEqual(inDay.map((e) => e.id).sort());

    const rollups = new RollupRows();
    for (const original of inDay) {
      const { event, stored } = read.get(original.id)!;
      const cost = priceEvent(original, book);
      expect(priceEvent(event, book)).toEqual(cost);
      expect(stored).toEqual(storedValues(cost));
      addToRollups(rollups, event, cost, DAY);
    }
    const fresh = aggregateRollups(
      inDay.map((event) => ({ event, cost: priceEvent(event, book) })),
      () => DAY,
    );
    expect([...rollups.values()]).toEqual(expect.arrayContaining(fresh));
    expect(rollups.size).toBe(fresh.length);
  });

  it('reads only the events the price key selects', async () => {
    const read = await readDay({ kind: 'pool', pool: 'p 1' });
    expect([...read.keys()]).toEqual(['pool']);
  });
});
