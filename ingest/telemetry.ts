import { metrics, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/**
 * CUT's own telemetry through @opentelemetry/api: a no-op unless the host registers an SDK
 * (see README, "Observing CUT itself").
 */
const tracer = trace.getTracer('cut.ingest');
const meter = metrics.getMeter('cut.ingest');
const requests = meter.createCounter('cut.ingest.requests', { description: 'ingest requests by route and status' });
const items = meter.createCounter('cut.ingest.items', { description: 'events and outcomes by route and result' });

export interface IngestCounts {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Runs one ingest request inside a span named after its route, recording what it did. */
export async function traced<T>(route: string, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(`ingest ${route}`, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

export function recordBatch(span: Span, route: string, batchSize: number, counts: IngestCounts): void {
  span.setAttributes({
    'cut.batch.size': batchSize,
    'cut.batch.accepted': counts.accepted,
    'cut.batch.duplicates': counts.duplicates,
    'cut.batch.rejected': counts.rejected,
  });
  items.add(counts.accepted, { route, result: 'accepted' });
  items.add(counts.duplicates, { route, result: 'duplicate' });
  items.add(counts.rejected, { route, result: 'rejected' });
}

export function recordRequest(route: string, status: number): void {
  requests.add(1, { route, status });
}
