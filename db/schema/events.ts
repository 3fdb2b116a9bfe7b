import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { quantity, tstz, usd } from './columns';
import { ACCEPTANCE, EVENT_STATUS, STAGES, type AttributeValue } from '../../lib/events/event';
import { COST_SOURCES } from '../../lib/costing/direct';

export const stageEnum = pgEnum('stage', STAGES);
export const acceptanceEnum = pgEnum('acceptance_status', ACCEPTANCE);
export const eventStatusEnum = pgEnum('event_status', EVENT_STATUS);
export const costSourceEnum = pgEnum('cost_source', COST_SOURCES);

/**
 * One model call. The team leads every key so the table can be distributed by team later;
 * an event id is therefore unique within its team.
 */
export const events = pgTable(
  'events',
  {
    team: text('team').notNull(),
    id: text('id').notNull(),
    ts: tstz('ts').notNull(),
    workloadClass: text('workload_class').notNull(),
    workflowId: text('workflow_id').notNull(),
    model: text('model').notNull(),
    provider: text('provider').notNull(),
    modelVersion: text('model_version'),
    pool: text('pool'),
    stage: stageEnum('stage').notNull().default('generation'),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedTokens: integer('cached_tokens').notNull().default(0),
    retrievedTokens: integer('retrieved_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    reasoningTokens: integer('reasoning_tokens').notNull().default(0),
    retryCount: integer('retry_count').notNull().default(0),
    toolCalls: integer('tool_calls').notNull().default(0),
    fallback: boolean('fallback').notNull().default(false),
    latencyMs: doublePrecision('latency_ms').notNull(),
    ttftMs: doublePrecision('ttft_ms'),
    queueMs: doublePrecision('queue_ms'),
    status: eventStatusEnum('status').notNull().default('ok'),
    errorType: text('error_type'),
    acceptanceStatus: acceptanceEnum('acceptance_status').notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    humanReviewSeconds: doublePrecision('human_review_seconds').notNull().default(0),
    gpuHours: quantity('gpu_hours').notNull().default('0'),
    reportedCostUsd: usd('reported_cost_usd'),
    attributes: jsonb('attributes')
      .$type<Record<string, AttributeValue>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    // Direct cost as priced at ingest (cut-model.md 2-3); re-pricing rewrites these.
    costUsd: usd('cost_usd').notNull().default('0'),
    costSource: costSourceEnum('cost_source').notNull().default('price_book'),
    pricebookCostUsd: usd('pricebook_cost_usd').notNull().default('0'),
    l1Usd: usd('l1_usd').notNull().default('0'),
    l2Usd: usd('l2_usd').notNull().default('0'),
    l3Usd: usd('l3_usd').notNull().default('0'),
    l4Usd: usd('l4_usd').notNull().default('0'),
    ingestedAt: tstz('ingested_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.team, t.id] }), index('events_ts_idx').on(t.ts)],
);

/**
 * A unit of work and its acceptance: the latest non-pending status (by timestamp) from its
 * events or outcomes. It counts on the reporting day of its last event.
 */
export const workflows = pgTable(
  'workflows',
  {
    team: text('team').notNull(),
    workflowId: text('workflow_id').notNull(),
    workloadClass: text('workload_class').notNull(),
    firstEventAt: tstz('first_event_at').notNull(),
    lastEventAt: tstz('last_event_at').notNull(),
    /** reporting day of the last event: the day the workflow counts on */
    day: date('day', { mode: 'string' }).notNull(),
    /**
     * `day` before the latest merge that changed this row (null after an insert): the merge returns
     * it to mark that day changed, which saves looking every merged workflow up beforehand.
     */
    previousDay: date('previous_day', { mode: 'string' }),
    // Workflow-level figures are attributed to the model of the latest generation call, so that
    // accepted work by model adds up to accepted work in total.
    model: text('model').notNull(),
    provider: text('provider').notNull(),
    pool: text('pool').notNull().default(''),
    /** 1 when attributed from a generation call, 0 from another stage; with the time, picks the latest */
    attributedRank: smallint('attributed_rank').notNull().default(0),
    attributedAt: tstz('attributed_at').notNull(),
    events: integer('events').notNull().default(0),
    acceptanceStatus: acceptanceEnum('acceptance_status').notNull().default('pending'),
    acceptanceAt: tstz('acceptance_at'),
    rejectionReason: text('rejection_reason'),
    /** sum over generation events of (output - reasoning) / (1 + retries) */
    usefulOutputTokens: quantity('useful_output_tokens').notNull().default('0'),
    // The ids of the events that set the last event, the attribution and the acceptance: two
    // events at the same instant are ordered by id, so no order or batching of them changes the
    // row. Null where an older version wrote it, or where an outcome set the acceptance.
    lastEventId: text('last_event_id'),
    attributedEventId: text('attributed_event_id'),
    acceptanceEventId: text('acceptance_event_id'),
  },
  // The key leads with the workflow id, so an outcome (which may name no team) finds its workflow
  // through it: one index fewer to write for every new workflow, the costliest part of a fold.
  (t) => [primaryKey({ columns: [t.workflowId, t.team] }), index('workflows_day_idx').on(t.day)],
);

/** Acceptance that arrives on its own, possibly before the workflow's events. */
export const outcomes = pgTable(
  'outcomes',
  {
    workflowId: text('workflow_id').notNull(),
    ts: tstz('ts').notNull(),
    acceptanceStatus: acceptanceEnum('acceptance_status').notNull(),
    team: text('team'),
    rejectionReason: text('rejection_reason'),
    humanReviewSeconds: doublePrecision('human_review_seconds').notNull().default(0),
    ingestedAt: tstz('ingested_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.ts, t.acceptanceStatus] })],
);
