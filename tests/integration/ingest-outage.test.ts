import { afterEach, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { forgetCachedKeys } from '@/app/api/auth';
import { invalidateIngestContext } from '@/ingest/context';
import { event, expectError, ingestApp, outcome, storedIds, type IngestApp } from './support/ingest-app';
import { outageDatabase, type OutageDatabase } from './support/outage';

let outage: OutageDatabase | undefined;
afterEach(async () => {
  await outage?.destroy();
  outage = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sender that records which ids the API acknowledged (200) and which it turned away (503). */
function sender(app: IngestApp) {
  const acked = new Set<string>();
  const refused = new Set<string>();
  let batches = 0;
  return {
    acked,
    refused,
    async send(prefix: string): Promise<number> {
      batches += 1;
      const events = Array.from({ length: 20 }, (_, i) => event({ id: `${prefix}-${batches}-${i}` }));
      const res = await app.post('/api/v1/events', { events });
      if (res.status === 503) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        await expectError(res, 503, 'database_unavailable');
        for (const e of events) refused.add(e.id as string);
      } else {
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ accepted: 20, duplicates: 0, rejected: [] });
        for (const e of events) acked.add(e.id as string);
      }
      return res.status;
    },
  };
}

/** After the outage: exactly the acknowledged events are stored, and counted once in the rollups. */
async function expectExactlyAcknowledged(o: OutageDatabase, acked: Set<string>) {
  expect(await storedIds(o.db)).toEqual([...acked].sort());
  await foldPending(o.db); // the request path leaves rollups to the folder
  const [rollups] = await o.db.query<{ requests: number }>('select sum(requests)::int as requests from daily_rollups');
  expect(rollups!.requests).toBe(acked.size);
}

describe('the database goes away and comes back', () => {
  it('between requests: 503 with Retry-After for every call, then ingest resumes', async () => {
    outage = await outageDatabase();
    const app = await ingestApp(outage.db);
    const client = sender(app);
    for (let i = 0; i < 3; i++) expect(await client.send('before')).toBe(200);

    await outage.cut();
    expect(await client.send('warm-caches')).toBe(503);
    forgetCachedKeys(); // the key look-up, not only the write, must meet the outage
    invalidateIngestContext(outage.db);
    expect(await client.send('cold-caches')).toBe(503);
    const outcomes = await app.post('/api/v1/outcomes', { outcomes: [outcome()] });
    expect(outcomes.headers.get('retry-after')).toMatch(/^\d+$/);
    await expectError(outcomes, 503, 'database_unavailable');
    await expectError(await app.get('/api/v1/keys', { key: app.adminKey }), 503, 'database_unavailable');

    await outage.restore();
    for (let i = 0; i < 3; i++) expect(await client.send('after')).toBe(200);
    expect(client.acked.size).toBe(120);
    await expectExactlyAcknowledged(outage, client.acked);
  });

  it('with requests in flight: only 200 or 503, and nothing acknowledged is lost or added', async () => {
    outage = await outageDatabase();
    const app = await ingestApp(outage.db);
    const client = sender(app);
    let state: 'up' | 'cutting' | 'down' | 'restored' = 'up';
    let refusals = 0;
    let acksAfter = 0;
    const cutting = { done: Promise.resolve() };

    const loop = async (name: string) => {
      for (let round = 0; round < 400 && acksAfter < 12; round++) {
        const stateAtSend = state;
        const status = await client.send(name);
        if (status === 200 && stateAtSend === 'restored') acksAfter += 1;
        if (status === 503) refusals += 1;
        if (state === 'up' && client.acked.size >= 200) {
          state = 'cutting';
          // Cached keys and settings run out as it happens: look-ups are in flight too, not only writes.
          forgetCachedKeys();
          invalidateIngestContext(outage!.db);
          // and requests keep arriving while it goes: their first queries race the shutdown
          const racing = Array.from({ length: 6 }, (_, i) => client.send(`${name}-racing-${i}`));
          cutting.done = Promise.all([outage!.cut().then(() => void (state = 'down')), ...racing]).then(() => {});
        }
        if (state === 'down' && refusals >= 6) {
          state = 'restored';
          await outage!.restore();
        }
        if (state !== 'up') await sleep(25); // callers back off, and the restore gets its turn
      }
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(loop));
    await cutting.done;

    expect(state).toBe('restored');
    expect(refusals).toBeGreaterThanOrEqual(6);
    expect(acksAfter).toBeGreaterThanOrEqual(12);
    await expectExactlyAcknowledged(outage, client.acked);
    expect([...client.refused].filter((id) => client.acked.has(id))).toEqual([]);
  });
});
