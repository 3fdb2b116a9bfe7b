import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { count, createdAt, grainColumns, quantity, rate, tstz, usd } from './columns';

/**
 * The figures of a cost line (lib/chargeback/lines.ts). Counts are signed bigints because a
 * correction line is a difference and can be negative.
 */
const lineColumns = () => ({
  ...grainColumns(),
  kind: text('kind').notNull(),
  source: text('source').notNull(),
  l1Usd: usd('l1_usd').notNull(),
  l2Usd: usd('l2_usd').notNull(),
  l3Usd: usd('l3_usd').notNull(),
  l4Usd: usd('l4_usd').notNull(),
  l5Usd: usd('l5_usd').notNull(),
  requests: count('requests'),
  inputTokens: count('input_tokens'),
  cachedTokens: count('cached_tokens'),
  outputTokens: count('output_tokens'),
  acceptedWorkflows: count('accepted_workflows'),
  gpuHours: quantity('gpu_hours').notNull(),
  usefulOutputTokens: quantity('useful_output_tokens').notNull(),
  /** idle GPU-hours of an idle line, months of a fixed-cost line */
  quantity: quantity('quantity').notNull(),
});

/** A month whose figures are frozen: what it was closed with, by whom, under which policies. */
export const closedMonths = pgTable('closed_months', {
  /** YYYY-MM */
  month: text('month').primaryKey(),
  closedAt: tstz('closed_at').notNull().defaultNow(),
  closedBy: text('closed_by').notNull(),
  /** lib/chargeback/policies.ts Policies, as in force at the close */
  policies: jsonb('policies').notNull(),
  /** the month's own TCO as frozen */
  tcoUsd: usd('tco_usd').notNull(),
});

/** Every cost line of a closed month as it stood at the close; never changed afterwards. */
export const closedMonthLines = pgTable('closed_month_lines', lineColumns(), (t) => [
  primaryKey({ columns: [t.day, t.team, t.workloadClass, t.model, t.provider, t.pool, t.kind, t.source] }),
]);

/**
 * Corrections booked into a month when it was closed: for each earlier closed month, what its
 * live figures had moved since its own close (and since earlier bookings), per line.
 */
export const correctionLines = pgTable(
  'correction_lines',
  { bookedMonth: text('booked_month').notNull(), ...lineColumns() },
  (t) => [
    primaryKey({
      columns: [t.bookedMonth, t.day, t.team, t.workloadClass, t.model, t.provider, t.pool, t.kind, t.source],
    }),
    index('correction_lines_day_idx').on(t.day),
  ],
);

/** A team's monthly budget from `from_month` on (until a later version); null amount = no budget. */
export const budgets = pgTable(
  'budgets',
  {
    team: text('team').notNull(),
    fromMonth: text('from_month').notNull(),
    monthlyUsd: rate('monthly_usd'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.team, t.fromMonth] })],
);

export const BUDGET_BASES = ['actual', 'forecast'] as const;
export const budgetBasisEnum = pgEnum('budget_basis', BUDGET_BASES);

/** Thresholds a team has reached in a month, so each crossing is announced once. */
export const budgetAlerts = pgTable(
  'budget_alerts',
  {
    team: text('team').notNull(),
    month: text('month').notNull(),
    basis: budgetBasisEnum('basis').notNull(),
    thresholdPct: smallint('threshold_pct').notNull(),
    budgetUsd: usd('budget_usd').notNull(),
    /** the actual or forecast figure when it was reached */
    valueUsd: usd('value_usd').notNull(),
    crossedAt: tstz('crossed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.team, t.month, t.basis, t.thresholdPct] })],
);

/** Where budget alerts are sent; deleting one keeps its row for the delivery log. */
export const webhooks = pgTable('webhooks', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  url: text('url').notNull(),
  /** signs each body (HMAC-SHA256); kept to sign, never shown again */
  secret: text('secret'),
  createdAt: createdAt(),
  deletedAt: tstz('deleted_at'),
});

export const DELIVERY_STATUS = ['pending', 'delivered', 'failed'] as const;
export const deliveryStatusEnum = pgEnum('delivery_status', DELIVERY_STATUS);

/** The durable queue of webhook deliveries: a row per event and endpoint, retried with backoff. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookId: bigint('webhook_id', { mode: 'number' }).notNull(),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    status: deliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** when it is due; moved ahead while an attempt is under way, so a crash retries it later */
    nextAttemptAt: tstz('next_attempt_at')
      .notNull()
      .default(sql`now()`),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: tstz('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Every attempt at a delivery: when, what came back, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    at: tstz('at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);
