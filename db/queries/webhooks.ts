import type { Database } from '../client';
import type { WebhookRow } from '../writes/webhooks';

const ISO = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Live webhooks, oldest first; secrets are never read back out. */
export async function listWebhooks(db: Database): Promise<WebhookRow[]> {
  return db.query<WebhookRow>(
    `select id::int as "id", url, secret is not null as "hasSecret", ${ISO('created_at')} as "createdAt"
       from webhooks where deleted_at is null order by id`,
  );
}

export interface DeliveryRow {
  id: number;
  webhookId: number;
  url: string;
  event: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** The delivery log, newest first. */
export async function listDeliveries(db: Database, limit: number): Promise<DeliveryRow[]> {
  const rows = await db.query<DeliveryRow>(
    `select d.id::int as "id", d.webhook_id::int as "webhookId", w.url, d.event, d.payload, d.status::text as "status",
            d.attempts, d.last_status_code as "lastStatusCode", d.last_error as "lastError",
            ${ISO('d.created_at')} as "createdAt",
            case when d.status = 'pending' then ${ISO('d.next_attempt_at')} end as "nextAttemptAt",
            ${ISO('d.delivered_at')} as "deliveredAt"
       from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      order by d.id desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

export interface AttemptRow {
  deliveryId: number;
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export async function listAttempts(db: Database, deliveryId: number): Promise<AttemptRow[]> {
  return db.query<AttemptRow>(
    `select delivery_id::int as "deliveryId", attempt, ${ISO('at')} as "at", status_code as "statusCode", error,
            duration_ms as "durationMs" from webhook_attempts where delivery_id = $1 order by attempt`,
    [deliveryId],
  );
}
