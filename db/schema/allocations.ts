import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { count, grainColumns, quantity, rate, tstz, usd } from './columns';

/**
 * Workflow figures per reporting day at the rollup grain (the workflow's primary model), rebuilt
 * for a day from `workflows` whenever that day is settled.
 */
export const workflowRollups = pgTable(
  'workflow_rollups',
  {
    ...grainColumns(),
    workflows: count('workflows'),
    acceptedWorkflows: count('accepted_workflows'),
    rejectedWorkflows: count('rejected_workflows'),
    /** over generation events of accepted workflows: (output - reasoning) / (1 + retries) */
    usefulOutputTokens: quantity('useful_output_tokens').notNull().default('0'),
    /** reviewer time reported on outcomes (events carry their own) */
    outcomeReviewSeconds: quantity('outcome_review_seconds').notNull().default('0'),
  },
  (t) => [
    primaryKey({ columns: [t.team, t.day, t.workloadClass, t.model, t.provider, t.pool] }),
    index('workflow_rollups_day_idx').on(t.day),
  ],
);

export const ALLOCATION_KINDS = ['idle', 'fixed', 'review'] as const;
export const allocationKindEnum = pgEnum('allocation_kind', ALLOCATION_KINDS);

/**
 * Cost that is not any single event's, placed per day at the rollup grain so every slice adds up:
 * idle GPU capacity (L2), fixed costs (L2/L4/L5) and outcome review time (L4). `source` names
 * what it came from (pool name, fixed cost id, 'review'). Rebuilt per day.
 */
export const allocations = pgTable(
  'allocations',
  {
    ...grainColumns(),
    kind: allocationKindEnum('kind').notNull(),
    source: text('source').notNull(),
    layer: smallint('layer').notNull(),
    usd: usd('usd').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.team, t.day, t.workloadClass, t.model, t.provider, t.pool, t.kind, t.source] }),
    index('allocations_day_idx').on(t.day),
    // Metrics sum layers 2, 4 and 5 only: any other value would silently drop out of TCO.
    check('allocations_layer', sql`${t.layer} in (2, 4, 5)`),
  ],
);

/** Each pool's capacity on each day: what was billed, what telemetry says was used, the idle rest. */
export const poolDays = pgTable(
  'pool_days',
  {
    pool: text('pool').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    usdPerGpuHour: rate('usd_per_gpu_hour').notNull(),
    provisionedGpuHours: quantity('provisioned_gpu_hours').notNull(),
    usedGpuHours: quantity('used_gpu_hours').notNull(),
    idleGpuHours: quantity('idle_gpu_hours').notNull(),
    /** reported beyond what was provisioned: flagged, never billed twice */
    overReportedGpuHours: quantity('over_reported_gpu_hours').notNull(),
    idleUsd: usd('idle_usd').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pool, t.day] })],
);

/** Days whose workflow figures or allocations must be rebuilt: written with the change, durably. */
export const dirtyDays = pgTable('dirty_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  since: tstz('since').notNull().defaultNow(),
});

/** Days whose allocations are current (rebuilt since the last change that touched them). */
export const settledDays = pgTable('settled_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  settledAt: tstz('settled_at').notNull().defaultNow(),
});

export const JOB_STATUS = ['queued', 'running', 'done', 'failed'] as const;
export const jobStatusEnum = pgEnum('job_status', JOB_STATUS);

/** A re-pricing of a day range after a price-book change, run in the background with progress. */
export const repricingJobs = pgTable('repricing_jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  reason: text('reason').notNull(),
  fromDay: date('from_day', { mode: 'string' }).notNull(),
  toDay: date('to_day', { mode: 'string' }).notNull(),
  filter: jsonb('filter'),
  status: jobStatusEnum('status').notNull().default('queued'),
  totalDays: integer('total_days').notNull(),
  doneDays: integer('done_days').notNull().default(0),
  repricedEvents: bigint('repriced_events', { mode: 'number' })
    .notNull()
    .default(sql`0`),
  error: text('error'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  startedAt: tstz('started_at'),
  finishedAt: tstz('finished_at'),
});
