import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './support/database';
import { event, ingestApp, outcome, type IngestApp } from './support/ingest-app';
import { breakArb, validFieldsArb } from './support/malformed-events';

let db: TestDatabase;
let app: IngestApp;

beforeAll(async () => {
  db = await freshDatabase();
  app = await ingestApp(db);
});
afterAll(() => db.destroy());

interface Rejection {
  index: number;
  id: string | null;
  errors: Array<{ path: string; message: string }>;
}
interface IngestBody {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}

/**
 * What every answer must look like, whatever was sent: never a 5xx, always one of our shapes, and
 * every rejection names a path (empty only for a field whose name is empty) and a rule.
 */
async function checkAnswer(res: Response, items: unknown[] = []): Promise<IngestBody | null> {
  expect(res.status).toBeLessThan(500);
  const body = (await res.json()) as IngestBody & { error?: { code: string; message: string } };
  if (res.status === 200 || res.status === 207) {
    expect(body.rejected.length > 0).toBe(res.status === 207);
    for (const r of body.rejected) {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(typeof e.path).toBe('string');
        expect(e.message).toMatch(/\S/);
        const item = items[r.index];
        if (e.path === '') expect(typeof item === 'object' && item !== null && Object.hasOwn(item, '')).toBe(true);
      }
    }
    return body;
  }
  expect([400, 413, 415]).toContain(res.status);
  expect(body.error?.code).toMatch(/\S/);
  expect(body.error?.message).toMatch(/\S/);
  return null;
}

let run = 0;
const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

describe('malformed events', () => {
  it('each is rejected by the path of the rule it breaks; its valid neighbours are all stored', async () => {
    const item = fc.oneof(
      { weight: 1, arbitrary: validFieldsArb.map((fields) => ({ fields, broken: null })) },
      { weight: 2, arbitrary: breakArb.map((broken) => ({ fields: {}, broken })) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 12 }), async (items) => {
        run += 1;
        const events = items.map(({ fields, broken }, i) => {
          const e = event({ ...fields, id: `r${run}-${i}` });
          broken?.apply(e);
          return e;
        });
        const body = await checkAnswer(await app.post('/api/v1/events', { events }), events);
        expect(body).not.toBeNull();
        const bad = items.flatMap((it, i) => (it.broken ? [i] : []));
        expect(body!.rejected.map((r) => r.index)).toEqual(bad);
        for (const r of body!.rejected) {
          const sent = events[r.index]!;
          expect(r.id).toBe(typeof sent.id === 'string' ? sent.id.slice(0, 128) : null);
          const want = items[r.index]!.broken!.path;
          expect(r.errors.map((e) => e.path)).toContainEqual(
            expect.toSatisfy((p: string) => p === want || p.startsWith(`${want}.`)),
          );
        }
        const good = events.filter((_, i) => !items[i]!.broken).map((e) => e.id as string);
        expect(body).toMatchObject({ accepted: good.length, duplicates: 0 });
        // PostgreSQL cannot even compare a text with NUL in it; such an id cannot be stored anyway.
        const ids = events
          .map((e) => e.id)
          .filter((id): id is string => typeof id === 'string' && !id.includes('\u0000'));
        const stored = await db.query<{ id: string }>('select id from events where id = any($1::text[]) order by id', [
          ids,
        ]);
        expect(stored.map((r) => r.id)).toEqual([...good].sort());
      }),
      runs(60),
    );
  });
});

describe('arbitrary bodies never give a 5xx', () => {
  it('any JSON value as the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (value, gzip) => {
        const path = gzip ? '/api/v1/events' : '/api/v1/outcomes';
        const res = await app.post(path, undefined, { raw: JSON.stringify(value), gzip });
        await checkAnswer(res);
        if (!(typeof value === 'object' && value && !Array.isArray(value))) expect(res.status).toBe(400);
      }),
      runs(120),
    );
  });

  it('any JSON values as the items', async () => {
    const items = fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(event()), fc.constant(outcome())), {
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(items, fc.constantFrom('events', 'outcomes'), async (list, field) => {
        const body = await checkAnswer(await app.post(`/api/v1/${field}`, { [field]: list }), list);
        expect(body).not.toBeNull();
        expect(body!.accepted + body!.duplicates + body!.rejected.length).toBe(list.length);
      }),
      runs(80),
    );
  });

  it('any bytes as the body, plain or labelled gzip', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 256 }),
      fc.string({ unit: 'binary', maxLength: 64 }).map((s) => new TextEncoder().encode(s)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (raw, labelledGzip) => {
        const headers: Record<string, string> = labelledGzip ? { 'content-encoding': 'gzip' } : {};
        const res = await app.post('/api/v1/events', undefined, { raw, headers });
        await checkAnswer(res);
      }),
      runs(150),
    );
  });
});
