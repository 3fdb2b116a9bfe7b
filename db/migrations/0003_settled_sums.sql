CREATE TABLE "settled_sums" (
	"team" text NOT NULL,
	"day" date NOT NULL,
	"workload_class" text NOT NULL,
	"model" text NOT NULL,
	"provider" text NOT NULL,
	"pool" text DEFAULT '' NOT NULL,
	"alloc_l2_usd" numeric(24, 12),
	"idle_usd" numeric(24, 12),
	"alloc_l4_usd" numeric(24, 12),
	"alloc_l5_usd" numeric(24, 12),
	"latency_packed" numeric,
	"ttft_packed" numeric,
	CONSTRAINT "settled_sums_team_day_workload_class_model_provider_pool_pk" PRIMARY KEY("team","day","workload_class","model","provider","pool")
);
--> statement-breakpoint
CREATE INDEX "settled_sums_day_idx" ON "settled_sums" USING btree ("day");--> statement-breakpoint
-- settled_sums is built when a day is settled: every day is settled again (by the worker or the first read of it).
DELETE FROM "settled_days";
