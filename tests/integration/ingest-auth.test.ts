import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';
import { countRows, event, expectError, ingestApp, outcome, type IngestApp } from './support/ingest-app';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());

const routes = [
  { path: '/api/v1/events', body: () => ({ events: [event()] }), table: 'events' },
  { path: '/api/v1/outcomes', body: () => ({ outcomes: [outcome()] }), table: 'outcomes' },
];

describe.each(routes)('POST $path', ({ path, body, table }) => {
  describe('401: no usable key, nothing stored', () => {
    it.each([
      ['no Authorization header', () => ({ key: null })],
      ['a Basic header', () => ({ key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } })],
      ['Bearer with no key', () => ({ key: null, headers: { authorization: 'Bearer' } })],
      ['Bearer with two words', () => ({ key: null, headers: { authorization: `Bearer ${app.ingestKey} extra` } })],
      ['an unknown key', () => ({ key: 'cut_ingest_not-a-key-anyone-was-given' })],
      ['a key that differs by one character', () => ({ key: `${app.ingestKey.slice(0, -1)}x` })],
    ])('%s', async (_, opts) => {
      const before = await countRows(db, table);
      const res = await app.post(path, body(), opts());
      await expectError(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await countRows(db, table)).toBe(before);
    });

    it('a key revoked with DELETE /api/v1/keys/{id}, at once', async () => {
      const key = await app.newIngestKey();
      expect((await app.post(path, body(), { key: key.secret })).status).toBe(200);
      const revoke = await app.del(`/api/v1/keys/${key.id}`, { key: app.adminKey });
      expect(revoke.status).toBe(204);
      const before = await countRows(db, table);
      await expectError(await app.post(path, body(), { key: key.secret }), 401, 'unauthorized');
      expect(await countRows(db, table)).toBe(before);
    });
  });

  it('403: the admin key cannot ingest', async () => {
    const before = await countRows(db, table);
    const error = await expectError(await app.post(path, body(), { key: app.adminKey }), 403, 'forbidden');
    expect(error.message).toMatch(/ingest/);
    expect(await countRows(db, table)).toBe(before);
  });

  it('the key is checked before the body: a bad body with no key is a 401', async () => {
    await expectError(await app.post(path, undefined, { key: null, raw: 'not json' }), 401);
  });
});

describe('/api/v1/keys with an ingest key: 403', () => {
  it('cannot create a key', async () => {
    await expectError(await app.post('/api/v1/keys', { name: 'sneaky' }), 403, 'forbidden');
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from api_keys where name = 'sneaky'`);
    expect(row!.n).toBe(0);
  });

  it('cannot list keys', async () => {
    await expectError(await app.get('/api/v1/keys'), 403, 'forbidden');
  });

  it('cannot revoke a key, not even itself', async () => {
    const key = await app.newIngestKey();
    await expectError(await app.del(`/api/v1/keys/${key.id}`, { key: key.secret }), 403, 'forbidden');
    expect((await app.post('/api/v1/events', { events: [event()] }, { key: key.secret })).status).toBe(200);
  });

  it('and with no key at all, 401', async () => {
    await expectError(await app.get('/api/v1/keys', { key: null }), 401, 'unauthorized');
    await expectError(await app.post('/api/v1/keys', { name: 'x' }, { key: null }), 401, 'unauthorized');
  });
});
