import { gzipSync } from 'node:zlib';
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

const TEN_MB = 10 * 1024 * 1024;

/** A body that hands out its bytes only as the reader asks for them, counting what it gave. */
function meteredBody(bytes: Buffer, chunkSize = 1024) {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
        offset += chunkSize;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read: () => Math.min(offset, bytes.length) };
}

/** gzip members back to back (one stream to gunzip): `members` x 4 MB of blanks. */
function gzipBomb(members: number): Buffer {
  const member = gzipSync(Buffer.alloc(4 * 1024 * 1024, ' '), { level: 9 });
  return Buffer.concat([gzipSync('{"events": ['), ...Array.from({ length: members }, () => member)]);
}

const routes = [
  { path: '/api/v1/events', field: 'events', item: () => event(), table: 'events' },
  {
    path: '/api/v1/outcomes',
    field: 'outcomes',
    item: () => outcome({ workflow_id: `wf-${event().id as string}` }),
    table: 'outcomes',
  },
];

describe.each(routes)('POST $path', ({ path, field, item, table }) => {
  describe('413', () => {
    it('5,001 items in one request, nothing stored', async () => {
      const res = await app.post(path, { [field]: Array.from({ length: 5_001 }, item) });
      const error = await expectError(res, 413, 'payload_too_large');
      expect(error.message).toMatch(/5,000/);
      expect(await countRows(db, table)).toBe(0);
    });

    it('5,000 items are fine', async () => {
      const res = await app.post(path, { [field]: Array.from({ length: 5_000 }, item) });
      expect(res.status).toBe(200);
      expect(await countRows(db, table)).toBe(5_000);
      await db.query(`delete from ${table}`);
    });

    it('a body over 10 MB', async () => {
      const raw = JSON.stringify({ [field]: [item()], padding: 'x'.repeat(TEN_MB) });
      await expectError(await app.post(path, undefined, { raw }), 413, 'payload_too_large');
      expect(await countRows(db, table)).toBe(0);
    });

    it('a gzip body that inflates past 10 MB', async () => {
      const raw = JSON.stringify({ [field]: [item()], padding: 'x'.repeat(TEN_MB) });
      await expectError(await app.post(path, undefined, { raw, gzip: true }), 413, 'payload_too_large');
      expect(await countRows(db, table)).toBe(0);
    });

    it('a gzip bomb is refused after reading a small part of it, quickly', async () => {
      const bomb = gzipBomb(24);
      expect(bomb.length).toBeLessThan(100 * 1024); // inflates to 96 MB
      const body = meteredBody(bomb);
      const started = performance.now();
      const res = await app.post(path, undefined, { raw: body.stream, headers: { 'content-encoding': 'gzip' } });
      const elapsed = performance.now() - started;
      await expectError(res, 413, 'payload_too_large');
      // 10 MB of output is 3 of the 24 members; with read-ahead about a third of the body is read.
      // Inflating it all, or reading it all before inflating, would read every byte.
      expect(body.read()).toBeLessThan(bomb.length / 2);
      expect(elapsed).toBeLessThan(2_000);
    });
  });

  describe('415, nothing stored', () => {
    it.each([
      ['text/plain', { contentType: 'text/plain' }],
      ['form data', { contentType: 'application/x-www-form-urlencoded' }],
      ['Content-Encoding br', { headers: { 'content-encoding': 'br' } }],
      ['Content-Encoding deflate', { headers: { 'content-encoding': 'deflate' } }],
    ])('%s', async (_, opts) => {
      const res = await app.post(path, { [field]: [item()] }, opts);
      await expectError(res, 415, 'unsupported_media_type');
      expect(await countRows(db, table)).toBe(0);
    });
  });

  describe('429', () => {
    it('past the per-key limit, with Retry-After; other keys go on', async () => {
      await app.setSetting('ingest_rate_limit_per_minute', 1); // a burst of 10, then one a minute
      try {
        const key = await app.newIngestKey();
        for (let i = 0; i < 10; i++)
          expect((await app.post(path, { [field]: [item()] }, { key: key.secret })).status).toBe(200);
        const before = await countRows(db, table);
        const res = await app.post(path, { [field]: [item()] }, { key: key.secret });
        const error = await expectError(res, 429, 'rate_limited');
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
        expect(error.message).toContain(String(retryAfter));
        expect(await countRows(db, table)).toBe(before);

        const other = await app.newIngestKey();
        expect((await app.post(path, { [field]: [item()] }, { key: other.secret })).status).toBe(200);
      } finally {
        await app.setSetting('ingest_rate_limit_per_minute', 1_000_000);
        await db.query(`delete from ${table}`);
      }
    });
  });
});
