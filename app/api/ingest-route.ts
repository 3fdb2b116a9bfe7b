import { getIngestContext } from '@/ingest/context';
import { readJson } from '@/ingest/http/read-body';
import { envelopeItems, type IngestResult } from '@/ingest/native/batch';
import type { IngestScope } from '@/ingest/native/events';
import { recordBatch, recordRequest, traced } from '@/ingest/telemetry';
import type { Database } from '@/db/client';
import { RateLimitedError } from '@/lib/errors';
import { RateLimiter } from '@/lib/rate-limit';
import { authenticate } from './auth';
import { errorResponse } from './errors';
import { database } from './handler';

const limiter = new RateLimiter();

type Ingest = (db: Database, items: readonly unknown[], scope: IngestScope) => Promise<IngestResult>;

/**
 * The shared shape of the native ingest routes: key, rate limit, body, envelope, then the domain
 * function; 200 when every item was stored or a duplicate, 207 when some were rejected.
 */
export function ingestRoute(field: 'events' | 'outcomes', ingest: Ingest) {
  const route = `/api/v1/${field}`;
  return (request: Request) =>
    traced(route, async (span) => {
      let response: Response;
      try {
        const db = await database();
        const caller = await authenticate(db, request, ['ingest']);
        const { settings } = await getIngestContext(db);
        const wait = limiter.take(String(caller.keyId), settings.ingest_rate_limit_per_minute, Date.now());
        if (wait > 0) throw new RateLimitedError(wait);
        const items = envelopeItems(await readJson(request), field);
        const result = await ingest(db, items, { team: caller.team });
        recordBatch(span, route, items.length, { ...result, rejected: result.rejected.length });
        response = Response.json(result, { status: result.rejected.length ? 207 : 200 });
      } catch (err) {
        response = errorResponse(err);
      }
      recordRequest(route, response.status);
      return response;
    });
}
