import { createHmac } from 'node:crypto';
import type { Database } from '../db/client';
import { claimDueDeliveries, recordAttempt, type DueDelivery } from '../db/writes/webhooks';
import { retryDelayMs } from '../lib/chargeback/backoff';

export interface DeliverOptions {
  now?: Date;
  /** per attempt; a receiver that hangs never holds the queue longer */
  timeoutMs?: number;
  firstRetryMs?: number;
  /** deliveries taken per call */
  limit?: number;
}

const LEASE_MS = 60_000;

/** Sends every due delivery once; failures are logged and scheduled again with backoff. */
export async function deliverDueWebhooks(db: Database, options: DeliverOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await claimDueDeliveries(db, now, LEASE_MS, options.limit ?? 20);
  for (const delivery of due) await attempt(db, delivery, now, options);
  return due.length;
}

async function attempt(db: Database, delivery: DueDelivery, now: Date, options: DeliverOptions): Promise<void> {
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'CUT-webhooks/1',
    'x-cut-event': delivery.event,
    'x-cut-delivery': String(delivery.id),
  };
  if (delivery.secret)
    headers['x-cut-signature'] = `sha256=${createHmac('sha256', delivery.secret).update(body).digest('hex')}`;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => {});
    if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
  } catch (err) {
    error = describe(err);
  }
  const delivered = error === null;
  const delay = delivered ? null : retryDelayMs(delivery.attempts + 1, options.firstRetryMs);
  await recordAttempt(db, delivery, {
    at: now,
    statusCode,
    error,
    durationMs: performance.now() - started,
    delivered,
    retryAt: delay === null ? null : new Date(now.getTime() + delay),
  });
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return 'no answer within the timeout';
  const detail = codeOf(err) ?? (err.cause instanceof Error ? err.cause.message : null);
  return detail ? `${err.message}: ${detail}` : err.message;
}

/** The socket error code under fetch's "fetch failed" (its cause, or one of an AggregateError's). */
function codeOf(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string') return e.code;
  for (const inner of [e.cause, ...(e.errors ?? [])]) {
    const found = codeOf(inner, depth + 1);
    if (found) return found;
  }
  return null;
}
