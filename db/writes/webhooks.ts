import type { Database } from '../client';
import { recordChange } from './audit';

export interface WebhookRow {
  id: number;
  url: string;
  hasSecret: boolean;
  createdAt: string;
}

const ISO = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function createWebhook(
  db: Database,
  input: { url: string; secret: string | null },
  actor: string,
): Promise<WebhookRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<WebhookRow>(
      `insert into webhooks (url, secret) values ($1, $2)
       returning id::int as "id", url, secret is not null as "hasSecret", ${ISO('created_at')} as "createdAt"`,
      [input.url, input.secret],
    );
    await recordChange(tx, {
      actor,
      action: 'create',
      entity: 'webhook',
      entityId: String(row!.id),
      before: null,
      after: { url: row!.url, signed: row!.hasSecret },
    });
    return row!;
  });
}

/** Stops sending to a webhook; its row stays for the delivery log. False when there is no live one. */
export async function deleteWebhook(db: Database, id: number, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ url: string }>(
      `update webhooks set deleted_at = now() where id = $1 and deleted_at is null returning url`,
      [id],
    );
    if (!rows.length) return false;
    await tx.query(
      `update webhook_deliveries set status = 'failed', last_error = 'webhook deleted'
                     where webhook_id = $1 and status = 'pending'`,
      [id],
    );
    await recordChange(tx, {
      actor,
      action: 'delete',
      entity: 'webhook',
      entityId: String(id),
      before: { url: rows[0]!.url },
      after: null,
    });
    return true;
  });
}

/** Queues one delivery of `payload` per live webhook, due at `now`; part of the caller's transaction. */
export async function enqueueDeliveries(tx: Database, event: string, payload: object, now: Date): Promise<number> {
  const rows = await tx.query(
    `insert into webhook_deliveries (webhook_id, event, payload, next_attempt_at)
     select id, $1, $2::jsonb, $3::timestamptz from webhooks where deleted_at is null returning id`,
    [event, JSON.stringify(payload), now.toISOString()],
  );
  return rows.length;
}

export interface DueDelivery {
  id: number;
  webhookId: number;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string | null;
}

/**
 * Takes up to `limit` due deliveries and moves them `leaseMs` ahead, so another worker (or this
 * one after a crash) only tries them again once that lease has run out.
 */
export async function claimDueDeliveries(
  db: Database,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<DueDelivery[]> {
  const rows = await db.query<DueDelivery & { payload: unknown }>(
    `update webhook_deliveries d set next_attempt_at = $2::timestamptz
       from webhooks w
      where d.webhook_id = w.id and d.id in (
              select id from webhook_deliveries where status = 'pending' and next_attempt_at <= $1::timestamptz
               order by next_attempt_at, id limit $3 for update skip locked)
      returning d.id::int as "id", d.webhook_id::int as "webhookId", d.event, d.payload, d.attempts, w.url, w.secret`,
    [now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
  );
  return rows
    .map((r) => ({ ...r, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }))
    .sort((a, b) => a.id - b.id);
}

export interface AttemptResult {
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  delivered: boolean;
  /** when to try again; null with delivered false: given up */
  retryAt: Date | null;
}

/** Logs an attempt and moves the delivery on: delivered, due again later, or failed for good. */
export async function recordAttempt(db: Database, delivery: DueDelivery, result: AttemptResult): Promise<void> {
  const attempt = delivery.attempts + 1;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
       values ($1, $2, $3::timestamptz, $4, $5, $6)`,
      [delivery.id, attempt, result.at.toISOString(), result.statusCode, result.error, Math.round(result.durationMs)],
    );
    const status = result.delivered ? 'delivered' : result.retryAt ? 'pending' : 'failed';
    await tx.query(
      `update webhook_deliveries set attempts = $2, status = $3::text::delivery_status, last_status_code = $4, last_error = $5,
              next_attempt_at = coalesce($6::timestamptz, next_attempt_at),
              delivered_at = case when $3::text = 'delivered' then $7::timestamptz end
        where id = $1`,
      [
        delivery.id,
        attempt,
        status,
        result.statusCode,
        result.error,
        result.retryAt?.toISOString() ?? null,
        result.at.toISOString(),
      ],
    );
  });
}
