import { getIngestContext } from '@/ingest/context';
import { parseJson, readJsonBytes } from '@/ingest/http/read-body';
import { envelopeItems, type IngestResult } from '@/ingest/native/batch';
import type { IngestScope } from '@/ingest/native/events';
import { recordBatch, recordRequest, traced } from '@/ingest/telemetry';
import type { Database } from '@/db/client';
import { RateLimitedError } from '@/lib/errors';
import { RateLimiter } from '@/lib/rate-limit';
import { requireAccess } from './access';
import { errorResponse } from './errors';
import { database } from './handler';

const limiter = new RateLimiter();

type Ingest = (db: Database, items: readonly unknown[], scope: IngestScope) => Promise<IngestResult>;
/** A domain function that takes the JSON body unparsed, to parse it where it likes; it checks the envelope. */
type IngestBody = (db: Database, body: Buffer, scope: IngestScope) => Promise<{ items: number; result: IngestResult }>;

/** A native ingest route whose domain function takes the items, parsed here. */
export function ingestRoute(field: 'events' | 'outcomes', ingest: Ingest) {
  return ingestBodyRoute(field, async (db, body, scope) => {
    const items = envelopeItems(parseJson(body), field);
    return { items: items.length, result: await ingest(db, items, scope) };
  });
}

/**
 * The shared shape of the native ingest routes: key, rate limit, body, envelope, then the domain
 * function; 200 when every item was stored or a duplicate, 207 when some were rejected.
 */
export function ingestBodyRoute(field: 'events' | 'outcomes', ingest: IngestBody) {
  const route = `/api/v1/${field}`;
  return (request: Request) =>
    traced(route, async (span) => {
      let response: Response;
      try {
        const caller = await requireAccess(request, 'ingest');
        const db = await database();
        const { settings } = await getIngestContext(db);
        const wait = limiter.take(caller.id, settings.ingest_rate_limit_per_minute, Date.now());
        if (wait > 0) throw new RateLimitedError(wait);
        const team = caller.teams === 'all' ? null : (caller.teams[0] ?? null);
        const { items, result } = await ingest(db, await readJsonBytes(request), { team });
        recordBatch(span, route, items, { ...result, rejected: result.rejected.length });
        response = Response.json(result, { status: result.rejected.length ? 207 : 200 });
      } catch (err) {
        response = errorResponse(err);
      }
      recordRequest(route, response.status);
      return response;
    });
}
