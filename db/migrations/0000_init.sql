CREATE TYPE "public"."acceptance_status" AS ENUM('accepted', 'rejected', 'pending');--> statement-breakpoint
CREATE TYPE "public"."cost_source" AS ENUM('price_book', 'reported', 'unpriced');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('ok', 'error');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('generation', 'tool', 'retrieval', 'evaluation', 'guardrail', 'routing');--> statement-breakpoint
CREATE TYPE "public"."allocation_rule" AS ENUM('assigned', 'weighted', 'even', 'fixed', 'requests', 'output_tokens', 'accepted_workflows');--> statement-breakpoint
CREATE TYPE "public"."billing_granularity" AS ENUM('second', 'hour');--> statement-breakpoint
CREATE TYPE "public"."model_match" AS ENUM('exact', 'pattern');--> statement-breakpoint
CREATE TYPE "public"."pricing_model" AS ENUM('on_demand', 'spot', 'reserved', 'owned_amortized');--> statement-breakpoint
CREATE TYPE "public"."unit_cost_kind" AS ENUM('tool_call', 'reviewer_hour');--> statement-breakpoint
CREATE TYPE "public"."key_kind" AS ENUM('admin', 'ingest', 'read');--> statement-breakpoint
CREATE TYPE "public"."allocation_kind" AS ENUM('idle', 'fixed', 'review');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "teams" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workload_classes" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT 'accepted workflow' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"team" text NOT NULL,
	"id" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"workload_class" text NOT NULL,
	"workflow_id" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"model_version" text,
	"pool" text,
	"stage" "stage" DEFAULT 'generation' NOT NULL,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"cached_tokens" integer DEFAULT 0 NOT NULL,
	"retrieved_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"reasoning_tokens" integer DEFAULT 0 NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"tool_calls" integer DEFAULT 0 NOT NULL,
	"fallback" boolean DEFAULT false NOT NULL,
	"latency_ms" double precision NOT NULL,
	"ttft_ms" double precision,
	"queue_ms" double precision,
	"status" "event_status" DEFAULT 'ok' NOT NULL,
	"error_type" text,
	"acceptance_status" "acceptance_status" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"human_review_seconds" double precision DEFAULT 0 NOT NULL,
	"gpu_hours" numeric(24, 9) DEFAULT '0' NOT NULL,
	"reported_cost_usd" numeric(24, 12),
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"cost_source" "cost_source" DEFAULT 'price_book' NOT NULL,
	"pricebook_cost_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l1_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l2_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l3_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l4_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_team_id_pk" PRIMARY KEY("team","id")
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"workflow_id" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"acceptance_status" "acceptance_status" NOT NULL,
	"team" text,
	"rejection_reason" text,
	"human_review_seconds" double precision DEFAULT 0 NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcomes_workflow_id_ts_acceptance_status_pk" PRIMARY KEY("workflow_id","ts","acceptance_status")
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"team" text NOT NULL,
	"workflow_id" text NOT NULL,
	"workload_class" text NOT NULL,
	"first_event_at" timestamp with time zone NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"attributed_rank" smallint DEFAULT 0 NOT NULL,
	"attributed_at" timestamp with time zone NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"acceptance_status" "acceptance_status" DEFAULT 'pending' NOT NULL,
	"acceptance_at" timestamp with time zone,
	"rejection_reason" text,
	"useful_output_tokens" numeric(24, 9) DEFAULT '0' NOT NULL,
	CONSTRAINT "workflows_team_workflow_id_pk" PRIMARY KEY("team","workflow_id")
);
--> statement-breakpoint
CREATE TABLE "fixed_costs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"layer" smallint NOT NULL,
	"category" text NOT NULL,
	"monthly_usd" numeric(18, 6) NOT NULL,
	"rule" "allocation_rule" DEFAULT 'weighted' NOT NULL,
	"team" text,
	"workload_class" text,
	"fixed_shares" jsonb,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gpu_pools" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gpu_type" text NOT NULL,
	"gpu_count" integer NOT NULL,
	"usd_per_gpu_hour" numeric(18, 6) NOT NULL,
	"pricing_model" "pricing_model" DEFAULT 'on_demand' NOT NULL,
	"billing_granularity" "billing_granularity" DEFAULT 'second' NOT NULL,
	"provisioned_gpu_hours_per_day" numeric(18, 6),
	"input_weight" numeric(18, 6) DEFAULT '0.25' NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_prices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"match" "model_match" DEFAULT 'exact' NOT NULL,
	"input_usd_per_1m" numeric(18, 6) NOT NULL,
	"cached_input_usd_per_1m" numeric(18, 6) NOT NULL,
	"output_usd_per_1m" numeric(18, 6) NOT NULL,
	"reasoning_usd_per_1m" numeric(18, 6),
	"effective_from" timestamp with time zone NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_costs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "unit_cost_kind" NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"usd" numeric(18, 6) NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "key_kind" NOT NULL,
	"name" text NOT NULL,
	"team" text,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "daily_rollups" (
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"unpriced" bigint DEFAULT 0 NOT NULL,
	"fallbacks" bigint DEFAULT 0 NOT NULL,
	"retries" bigint DEFAULT 0 NOT NULL,
	"tool_calls" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_tokens" bigint DEFAULT 0 NOT NULL,
	"retrieved_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"reasoning_tokens" bigint DEFAULT 0 NOT NULL,
	"human_review_seconds" double precision DEFAULT 0 NOT NULL,
	"gpu_hours" numeric(24, 9) DEFAULT '0' NOT NULL,
	"base_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"reported_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"pricebook_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l1_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l2_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l3_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"l4_usd" numeric(24, 12) DEFAULT '0' NOT NULL,
	"latency_hist" integer[] DEFAULT '{}'::int[] NOT NULL,
	"ttft_hist" integer[] DEFAULT '{}'::int[] NOT NULL,
	CONSTRAINT "daily_rollups_team_day_workload_class_model_provider_pool_pk" PRIMARY KEY("team","day","workload_class","model","provider","pool")
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"kind" "allocation_kind" NOT NULL,
	"source" text NOT NULL,
	"layer" smallint NOT NULL,
	"usd" numeric(24, 12) NOT NULL,
	CONSTRAINT "allocations_team_day_workload_class_model_provider_pool_kind_source_pk" PRIMARY KEY("team","day","workload_class","model","provider","pool","kind","source"),
	CONSTRAINT "allocations_layer" CHECK ("allocations"."layer" in (2, 4, 5))
);
--> statement-breakpoint
CREATE TABLE "dirty_days" (
	"day" date PRIMARY KEY NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_days" (
	"pool" text NOT NULL,
	"day" date NOT NULL,
	"usd_per_gpu_hour" numeric(18, 6) NOT NULL,
	"provisioned_gpu_hours" numeric(24, 9) NOT NULL,
	"used_gpu_hours" numeric(24, 9) NOT NULL,
	"idle_gpu_hours" numeric(24, 9) NOT NULL,
	"over_reported_gpu_hours" numeric(24, 9) NOT NULL,
	"idle_usd" numeric(24, 12) NOT NULL,
	CONSTRAINT "pool_days_pool_day_pk" PRIMARY KEY("pool","day")
);
--> statement-breakpoint
CREATE TABLE "repricing_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"filter" jsonb,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"total_days" integer NOT NULL,
	"done_days" integer DEFAULT 0 NOT NULL,
	"repriced_events" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settled_days" (
	"day" date PRIMARY KEY NOT NULL,
	"settled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_rollups" (
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"workflows" bigint DEFAULT 0 NOT NULL,
	"accepted_workflows" bigint DEFAULT 0 NOT NULL,
	"rejected_workflows" bigint DEFAULT 0 NOT NULL,
	"useful_output_tokens" numeric(24, 9) DEFAULT '0' NOT NULL,
	"outcome_review_seconds" numeric(24, 9) DEFAULT '0' NOT NULL,
	CONSTRAINT "workflow_rollups_team_day_workload_class_model_provider_pool_pk" PRIMARY KEY("team","day","workload_class","model","provider","pool")
);
--> statement-breakpoint
CREATE INDEX "events_ts_idx" ON "events" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "workflows_day_idx" ON "workflows" USING btree ("day");--> statement-breakpoint
CREATE INDEX "workflows_id_idx" ON "workflows" USING btree ("workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gpu_pools_key" ON "gpu_pools" USING btree ("name","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "model_prices_key" ON "model_prices" USING btree (lower("provider"),lower("model"),"effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_costs_key" ON "unit_costs" USING btree ("kind","scope","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "daily_rollups_day_idx" ON "daily_rollups" USING btree ("day");--> statement-breakpoint
CREATE INDEX "allocations_day_idx" ON "allocations" USING btree ("day");--> statement-breakpoint
CREATE INDEX "workflow_rollups_day_idx" ON "workflow_rollups" USING btree ("day");