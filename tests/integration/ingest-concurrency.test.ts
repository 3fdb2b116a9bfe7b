import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { freshDatabase, type TestDatabase } from './support/database';
import { event, ingestApp, type IngestApp } from './support/ingest-app';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());

const CLIENTS = 8;
const IDS = 480;
const WINDOW = 150; // each client's ids overlap its neighbours' (and wrap around)
const BATCH = 25;

/** Event n, the same whoever sends it: 2 teams, 3 days, 40 workflows, n output tokens. */
const eventNo = (n: number) =>
  event({
    id: `c-${n}`,
    team: n % 2 ? 'research' : 'support',
    timestamp: `2026-05-0${2 + (n % 3)}T${String(n % 24).padStart(2, '0')}:00:00Z`,
    workflow_id: `wf-${n % 40}`,
    output_tokens: n,
    latency_ms: 100 + n,
  });

function batchesOf(client: number): unknown[][] {
  const ids = Array.from({ length: WINDOW }, (_, i) => (client * (IDS / CLIENTS) + i) % IDS);
  const batches: unknown[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH).map(eventNo));
  batches[0]!.push(batches[0]![0]!); // and one id twice within a batch
  return batches;
}

describe('8 clients sending overlapping batches at once, each batch twice', () => {
  it('stores each event once, and the answers and rollups add up to that', { timeout: 60_000 }, async () => {
    let sent = 0;
    const sentIds = new Set<string>();
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      const batches = batchesOf(client);
      const answers: Array<{ accepted: number; duplicates: number; rejected: unknown[] }> = [];
      for (const batch of [...batches, ...[...batches].reverse()]) {
        sent += batch.length;
        for (const e of batch) sentIds.add((e as { id: string }).id);
        const res = await app.post('/api/v1/events', { events: batch });
        expect(res.status).toBe(200);
        answers.push(await res.json());
      }
      return answers;
    });
    const answers = (await Promise.all(clients)).flat();

    const distinct = sentIds.size;
    expect(distinct).toBe(IDS);
    const accepted = answers.reduce((s, a) => s + a.accepted, 0);
    const duplicates = answers.reduce((s, a) => s + a.duplicates, 0);
    expect(answers.every((a) => a.rejected.length === 0)).toBe(true);
    expect(accepted).toBe(distinct);
    expect(accepted + duplicates).toBe(sent);

    const [events] = await db.query<{ n: number; output: number }>(
      'select count(*)::int as n, count(distinct (team, id))::int as keys, sum(output_tokens)::int as output from events',
    );
    const expectedOutput = ((IDS - 1) * IDS) / 2;
    expect(events).toMatchObject({ n: distinct, keys: distinct, output: expectedOutput });

    // Folds scheduled by the requests may still be running: this one runs beside them.
    await foldPending(db);
    const [rollups] = await db.query<{ requests: number; output: number }>(
      'select sum(requests)::int as requests, sum(output_tokens)::int as output from daily_rollups',
    );
    expect(rollups).toEqual({ requests: distinct, output: expectedOutput });

    const [workflows] = await db.query<{ n: number; events: number }>(
      'select count(*)::int as n, sum(events)::int as events from workflows',
    );
    expect(workflows).toEqual({ n: 40, events: distinct });
  });
});
