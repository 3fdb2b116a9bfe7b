import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';
import { ingestApp, type IngestApp } from './support/ingest-app';
import { anyJson, otlpProtobufBody } from '../support/otlp-arbitraries';

/** Random bodies through the real route and a real database: never a 5xx. */
let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());

const RUNS = 60;

describe('POST /v1/traces with random bodies', () => {
  it('JSON: 200 or 400, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        const res = await app.post('/v1/traces', null, { raw: JSON.stringify(body) ?? 'null' });
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
  });

  it('protobuf: 200 or 400, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(otlpProtobufBody, async (raw) => {
        const res = await app.post('/v1/traces', null, { raw, contentType: 'application/x-protobuf' });
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
  });
});
