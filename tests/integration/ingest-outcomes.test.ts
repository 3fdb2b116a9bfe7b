import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { countRows, event, expectError, ingestApp, outcome, type IngestApp } from './support/ingest-app';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());
beforeEach(async () => {
  await clearTelemetry(db, { outcomes: true });
});

const sendOutcomes = (outcomes: unknown[], opts = {}) => app.post('/api/v1/outcomes', { outcomes }, opts);
const sendEvents = (events: unknown[]) => app.post('/api/v1/events', { events });

/** Events sent over HTTP leave their workflows to the folder: fold before reading them. */
async function workflow(id: string) {
  await foldPending(db);
  const [row] = await db.query<{ team: string; acceptance_status: string; rejection_reason: string | null }>(
    `select team, acceptance_status::text, rejection_reason from workflows where workflow_id = $1`,
    [id],
  );
  return row;
}

describe('POST /api/v1/outcomes: 200', () => {
  it('stores outcomes and reports a re-send as duplicates', async () => {
    const batch = [outcome({ workflow_id: 'w1' }), outcome({ workflow_id: 'w2', acceptance_status: 'rejected' })];
    const first = await sendOutcomes(batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const again = await sendOutcomes(batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await countRows(db, 'outcomes')).toBe(2);
  });

  it('is keyed by workflow, timestamp and status: change any one and it is a new outcome', async () => {
    const base = outcome({ workflow_id: 'w1', timestamp: '2026-05-04T12:00:00Z', acceptance_status: 'accepted' });
    await sendOutcomes([base]);
    const res = await sendOutcomes([
      { ...base },
      { ...base, acceptance_status: 'rejected' },
      { ...base, timestamp: '2026-05-04T12:00:01Z' },
      { ...base, workflow_id: 'w2' },
      { ...base, timestamp: '2026-05-04T14:00:00+02:00' }, // the same instant as base
    ]);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 2, rejected: [] });
    expect(await countRows(db, 'outcomes')).toBe(4);
  });
});

describe('POST /api/v1/outcomes: 207', () => {
  it('rejects bad outcomes with index, workflow id, path and rule, and stores the rest', async () => {
    const res = await sendOutcomes([
      outcome({ workflow_id: 'ok-1' }),
      outcome({ workflow_id: 'bad-status', acceptance_status: 'maybe' }),
      { acceptance_status: 'accepted', timestamp: '2026-05-04T12:00:00Z' },
      outcome({ workflow_id: 'bad-time', timestamp: '2026-05-04 12:00' }),
      outcome({ workflow_id: 'bad-review', human_review_seconds: -5 }),
      outcome({ workflow_id: 'extra', reviewer: 'ann' }),
      'not an outcome',
      outcome({ workflow_id: 'ok-2' }),
    ]);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.accepted).toBe(2);
    const summary = body.rejected.map((r: { index: number; id: string | null; errors: Array<{ path: string }> }) => [
      r.index,
      r.id,
      r.errors.map((e) => e.path),
    ]);
    expect(summary).toEqual([
      [1, 'bad-status', ['acceptance_status']],
      [2, null, ['workflow_id']],
      [3, 'bad-time', ['timestamp']],
      [4, 'bad-review', ['human_review_seconds']],
      [5, 'extra', ['reviewer']],
      [6, null, [expect.stringMatching(/\S/)]],
    ]);
    for (const r of body.rejected) for (const e of r.errors) expect(e.message).toMatch(/\S/);
    const stored = await db.query<{ workflow_id: string }>('select workflow_id from outcomes order by 1');
    expect(stored.map((r) => r.workflow_id)).toEqual(['ok-1', 'ok-2']);
  });

  it('a team-scoped key may not send another team’s outcome; with no team it gets the key’s', async () => {
    const key = await app.newIngestKey('support');
    const res = await sendOutcomes(
      [outcome({ workflow_id: 'ours' }), outcome({ workflow_id: 'theirs', team: 'research' })],
      { key: key.secret },
    );
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.rejected).toEqual([
      { index: 1, id: 'theirs', errors: [{ path: 'team', message: expect.stringMatching(/support/) }] },
    ]);
    const rows = await db.query<{ workflow_id: string; team: string }>('select workflow_id, team from outcomes');
    expect(rows).toEqual([{ workflow_id: 'ours', team: 'support' }]);
  });
});

describe('POST /api/v1/outcomes: 400, nothing stored', () => {
  it.each([
    ['not JSON', '{"outcomes": [{', 'invalid_json'],
    ['no outcomes array', JSON.stringify({ events: [outcome()] }), 'invalid_envelope'],
    ['a bare array', JSON.stringify([outcome()]), 'invalid_envelope'],
  ])('%s', async (_, raw, code) => {
    await expectError(await app.post('/api/v1/outcomes', undefined, { raw }), 400, code);
    expect(await countRows(db, 'outcomes')).toBe(0);
  });
});

describe('outcomes and workflows', () => {
  it('an outcome that arrives before its events applies when they arrive', async () => {
    await sendOutcomes([
      outcome({ workflow_id: 'early', acceptance_status: 'accepted', timestamp: '2026-05-04T18:00:00Z' }),
    ]);
    expect(await workflow('early')).toBeUndefined();
    await sendEvents([
      event({ workflow_id: 'early', timestamp: '2026-05-04T10:00:00Z' }),
      event({ workflow_id: 'early', timestamp: '2026-05-04T10:05:00Z' }),
    ]);
    expect(await workflow('early')).toEqual({ team: 'support', acceptance_status: 'accepted', rejection_reason: null });
  });

  it('an outcome for a workflow already stored applies at once', async () => {
    await sendEvents([event({ workflow_id: 'late', timestamp: '2026-05-04T10:00:00Z' })]);
    expect((await workflow('late'))?.acceptance_status).toBe('pending');
    await sendOutcomes([
      outcome({ workflow_id: 'late', acceptance_status: 'rejected', rejection_reason: 'wrong answer' }),
    ]);
    expect(await workflow('late')).toMatchObject({ acceptance_status: 'rejected', rejection_reason: 'wrong answer' });
  });

  it('the latest outcome by timestamp wins, whatever order they arrive in', async () => {
    await sendEvents([event({ workflow_id: 'flip', timestamp: '2026-05-04T10:00:00Z' })]);
    await sendOutcomes([
      outcome({ workflow_id: 'flip', acceptance_status: 'accepted', timestamp: '2026-05-04T16:00:00Z' }),
    ]);
    await sendOutcomes([
      outcome({ workflow_id: 'flip', acceptance_status: 'rejected', timestamp: '2026-05-04T12:00:00Z' }),
    ]);
    expect((await workflow('flip'))?.acceptance_status).toBe('accepted');
  });

  it('a team on the outcome limits it to that team’s workflow of that id', async () => {
    await sendEvents([
      event({ workflow_id: 'shared-id', team: 'support' }),
      event({ workflow_id: 'shared-id', team: 'research' }),
    ]);
    await sendOutcomes([outcome({ workflow_id: 'shared-id', team: 'research', acceptance_status: 'accepted' })]);
    await foldPending(db);
    const rows = await db.query<{ team: string; acceptance_status: string }>(
      `select team, acceptance_status::text from workflows where workflow_id = 'shared-id' order by team`,
    );
    expect(rows).toEqual([
      { team: 'research', acceptance_status: 'accepted' },
      { team: 'support', acceptance_status: 'pending' },
    ]);
  });
});
