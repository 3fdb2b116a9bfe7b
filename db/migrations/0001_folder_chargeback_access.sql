CREATE TYPE "public"."budget_basis" AS ENUM('actual', 'forecast');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TABLE "pending_batches" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"days" integer[] NOT NULL,
	"deltas" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_alerts" (
	"team" text NOT NULL,
	"month" text NOT NULL,
	"basis" "budget_basis" NOT NULL,
	"threshold_pct" smallint NOT NULL,
	"budget_usd" numeric(24, 12) NOT NULL,
	"value_usd" numeric(24, 12) NOT NULL,
	"crossed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alerts_team_month_basis_threshold_pct_pk" PRIMARY KEY("team","month","basis","threshold_pct")
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"team" text NOT NULL,
	"from_month" text NOT NULL,
	"monthly_usd" numeric(18, 6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_team_from_month_pk" PRIMARY KEY("team","from_month")
);
--> statement-breakpoint
CREATE TABLE "closed_month_lines" (
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"l1_usd" numeric(24, 12) NOT NULL,
	"l2_usd" numeric(24, 12) NOT NULL,
	"l3_usd" numeric(24, 12) NOT NULL,
	"l4_usd" numeric(24, 12) NOT NULL,
	"l5_usd" numeric(24, 12) NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"accepted_workflows" bigint DEFAULT 0 NOT NULL,
	"gpu_hours" numeric(24, 9) NOT NULL,
	"useful_output_tokens" numeric(24, 9) NOT NULL,
	"quantity" numeric(24, 9) NOT NULL,
	CONSTRAINT "closed_month_lines_day_team_workload_class_model_provider_pool_kind_source_pk" PRIMARY KEY("day","team","workload_class","model","provider","pool","kind","source")
);
--> statement-breakpoint
CREATE TABLE "closed_months" (
	"month" text PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text NOT NULL,
	"policies" jsonb NOT NULL,
	"tco_usd" numeric(24, 12) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correction_lines" (
	"booked_month" text NOT NULL,
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"l1_usd" numeric(24, 12) NOT NULL,
	"l2_usd" numeric(24, 12) NOT NULL,
	"l3_usd" numeric(24, 12) NOT NULL,
	"l4_usd" numeric(24, 12) NOT NULL,
	"l5_usd" numeric(24, 12) NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"cached_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"accepted_workflows" bigint DEFAULT 0 NOT NULL,
	"gpu_hours" numeric(24, 9) NOT NULL,
	"useful_output_tokens" numeric(24, 9) NOT NULL,
	"quantity" numeric(24, 9) NOT NULL,
	CONSTRAINT "correction_lines_booked_month_day_team_workload_class_model_provider_pool_kind_source_pk" PRIMARY KEY("booked_month","day","team","workload_class","model","provider","pool","kind","source")
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" bigint NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auth_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"impersonated_by" text
);
--> statement-breakpoint
CREATE TABLE "auth_users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"role" text,
	"banned" boolean DEFAULT false,
	"ban_reason" text,
	"ban_expires" timestamp with time zone,
	"teams" text[] DEFAULT '{}'::text[] NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "previous_day" date;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "teams" text[];--> statement-breakpoint
ALTER TABLE "auth_accounts" ADD CONSTRAINT "auth_accounts_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "correction_lines_day_idx" ON "correction_lines" USING btree ("day");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "auth_accounts_user" ON "auth_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_sessions_token" ON "auth_sessions" USING btree ("token");--> statement-breakpoint
CREATE INDEX "auth_sessions_user" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "auth_users_email" ON "auth_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "auth_verifications_identifier" ON "auth_verifications" USING btree ("identifier");