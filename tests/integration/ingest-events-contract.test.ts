import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldPending } from '@/costing/fold';
import { clearTelemetry, freshDatabase, type TestDatabase } from './support/database';
import { countRows, event, expectError, ingestApp, storedIds, type IngestApp } from './support/ingest-app';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());
beforeEach(async () => {
  await clearTelemetry(db, { outcomes: true });
  await app.setSetting('strict_registry', false);
});

const send = (events: unknown[], opts = {}) => app.post('/api/v1/events', { events }, opts);

describe('POST /api/v1/events: 200', () => {
  it('stores every event and says so', async () => {
    const batch = [event({ id: 'a' }), event({ id: 'b' }), event({ id: 'c' })];
    const res = await send(batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(await storedIds(db)).toEqual(['a', 'b', 'c']);
  });

  it('counts a re-sent event as a duplicate and stores it once', async () => {
    await send([event({ id: 'a' }), event({ id: 'b' })]);
    const res = await send([event({ id: 'a' }), event({ id: 'b' }), event({ id: 'new' })]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
    expect(await storedIds(db)).toEqual(['a', 'b', 'new']);
  });

  it('counts the same id twice in one batch as one event and one duplicate', async () => {
    const res = await send([event({ id: 'twice' }), event({ id: 'twice' })]);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await countRows(db, 'events')).toBe(1);
  });

  it('takes an empty batch', async () => {
    const res = await send([]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
  });

  it('accepts a gzip body (Content-Encoding: gzip)', async () => {
    const res = await send([event({ id: 'zipped-1' }), event({ id: 'zipped-2' })], { gzip: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await storedIds(db)).toEqual(['zipped-1', 'zipped-2']);
  });

  it('accepts application/json with a charset', async () => {
    const res = await send([event({ id: 'utf8' })], { contentType: 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/v1/events: 207', () => {
  it('rejects the bad events with their index, id, path and rule, and stores the good ones', async () => {
    const batch = [
      event({ id: 'good-1' }),
      event({ id: 'bad-tokens', output_tokens: -1 }),
      event({ id: 'good-2' }),
      42,
      event({ id: 'bad-field', outptu_tokens: 5 }),
      event({ id: 'bad-time', timestamp: '2026-02-30T10:00:00Z' }),
      event({ id: 'bad-cached', input_tokens: 10, cached_tokens: 11 }),
      event({ id: 'good-3' }),
    ];
    const res = await send(batch);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [
        { index: 1, id: 'bad-tokens', errors: [{ path: 'output_tokens', message: expect.stringMatching(/>= 0/) }] },
        { index: 3, id: null, errors: [{ path: 'event', message: expect.stringMatching(/object/) }] },
        { index: 4, id: 'bad-field', errors: [{ path: 'outptu_tokens', message: expect.stringMatching(/\S/) }] },
        { index: 5, id: 'bad-time', errors: [{ path: 'timestamp', message: expect.stringMatching(/real date/) }] },
        {
          index: 6,
          id: 'bad-cached',
          errors: [{ path: 'cached_tokens', message: expect.stringMatching(/input_tokens/) }],
        },
      ],
    });
    expect(await storedIds(db)).toEqual(['good-1', 'good-2', 'good-3']);
    await foldPending(db);
    const [rollup] = await db.query<{ requests: number }>('select sum(requests)::int as requests from daily_rollups');
    expect(rollup!.requests).toBe(3);
  });

  it('names every broken field of one event', async () => {
    const res = await send([event({ id: 'many', latency_ms: 'slow', stage: 'thinking', team: 'Not A Slug' })]);
    expect(res.status).toBe(207);
    const { rejected } = await res.json();
    expect(rejected[0].errors.map((e: { path: string }) => e.path).sort()).toEqual(['latency_ms', 'stage', 'team']);
    expect(await countRows(db, 'events')).toBe(0);
  });

  it('answers 207, not 200, when every event is rejected', async () => {
    const res = await send([event({ timestamp: '2026-05-04T10:00:00' })]);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.accepted).toBe(0);
    expect(body.rejected[0].errors[0].path).toBe('timestamp');
  });
});

describe('POST /api/v1/events: 400, nothing stored', () => {
  const valid = () => event({ id: 'should-not-land' });
  it.each([
    ['not JSON', '{"events": [', 'invalid_json'],
    ['no events array', JSON.stringify({ event: [valid()] }), 'invalid_envelope'],
    ['events not an array', JSON.stringify({ events: valid() }), 'invalid_envelope'],
    ['a bare array', JSON.stringify([valid()]), 'invalid_envelope'],
    ['JSON null', 'null', 'invalid_envelope'],
    ['an empty body', '', 'invalid_json'],
  ])('%s', async (_, raw, code) => {
    await expectError(await app.post('/api/v1/events', undefined, { raw }), 400, code);
    expect(await countRows(db, 'events')).toBe(0);
  });

  it('a body that says gzip but is not', async () => {
    const raw = JSON.stringify({ events: [valid()] });
    const res = await app.post('/api/v1/events', undefined, { raw, headers: { 'content-encoding': 'gzip' } });
    await expectError(res, 400, 'invalid_encoding');
    expect(await countRows(db, 'events')).toBe(0);
  });
});

describe('team-scoped keys', () => {
  it('rejects only the events of another team', async () => {
    const scoped = await app.newIngestKey('support');
    const res = await send([event({ id: 'ours', team: 'support' }), event({ id: 'theirs', team: 'research' })], {
      key: scoped.secret,
    });
    expect(res.status).toBe(207);
    expect(await res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 1, id: 'theirs', errors: [{ path: 'team', message: expect.stringMatching(/support/) }] }],
    });
    expect(await storedIds(db)).toEqual(['ours']);
  });
});

describe('strict_registry', () => {
  it('rejects unregistered teams and workload classes per event', async () => {
    await db.query(`insert into teams (slug, name) values ('known', 'Known') on conflict do nothing`);
    await db.query(`insert into workload_classes (slug, name) values ('known_class', 'Known') on conflict do nothing`);
    await app.setSetting('strict_registry', true);
    const res = await send([
      event({ id: 'registered', team: 'known', workload_class: 'known_class' }),
      event({ id: 'new-team', team: 'stranger', workload_class: 'known_class' }),
      event({ id: 'new-class', team: 'known', workload_class: 'mystery' }),
      event({ id: 'both-new', team: 'stranger', workload_class: 'mystery' }),
    ]);
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.accepted).toBe(1);
    const paths = body.rejected.map((r: { id: string; errors: Array<{ path: string; message: string }> }) => [
      r.id,
      r.errors.map((e) => e.path),
    ]);
    expect(paths).toEqual([
      ['new-team', ['team']],
      ['new-class', ['workload_class']],
      ['both-new', ['team', 'workload_class']],
    ]);
    expect(await storedIds(db)).toEqual(['registered']);
    const [teams] = await db.query<{ n: number }>(`select count(*)::int as n from teams where slug = 'stranger'`);
    expect(teams!.n).toBe(0);
  });

  it('lets unknown teams in (and registers them) when it is off', async () => {
    const res = await send([event({ id: 'free', team: 'newcomers' })]);
    expect(res.status).toBe(200);
    await foldPending(db);
    const [teams] = await db.query<{ n: number }>(`select count(*)::int as n from teams where slug = 'newcomers'`);
    expect(teams!.n).toBe(1);
  });
});
