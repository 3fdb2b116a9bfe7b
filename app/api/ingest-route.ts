import { scheduleFold } from '@/costing/fold';
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

/**
 * The ingest key behind a request, within its rate limit (shared by every ingest route): else
 * 401/403/429. `team` is the one team a scoped key may send for (null: any).
 */
export async function admitIngest(db: Database, request: Request): Promise<{ team: string | null }> {
  const caller = await requireAccess(request, 'ingest');
  const { settings } = await getIngestContext(db);
  const wait = limiter.take(caller.id, settings.ingest_rate_limit_per_minute, Date.now());
  if (wait > 0) throw new RateLimitedError(wait);
  return { team: caller.teams === 'all' ? null : (caller.teams[0] ?? null) };
}

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
        const db = await database();
        const caller = await admitIngest(db, request);
        const { items, result } = await ingest(db, await readJsonBytes(request), { team: caller.team });
        // What the batch adds to rollups and workflows is merged soon after, many batches at once.
        if (result.accepted > 0) scheduleFold(db);
        recordBatch(span, route, items, { ...result, rejected: result.rejected.length });
        response = Response.json(result, { status: result.rejected.length ? 207 : 200 });
      } catch (err) {
        response = errorResponse(err);
      }
      recordRequest(route, response.status);
      return response;
    });
}
