-- Pending batches no longer carry their deltas: the writing process holds them in memory, and any
-- other folder sums the batch's events again. A batch left by the previous version (token '', no
-- bounds) is found by its transaction time alone, so nothing it counted is lost.
ALTER TABLE "pending_batches" ADD COLUMN "token" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "pending_batches" ADD COLUMN "from_ts" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pending_batches" ADD COLUMN "to_ts" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pending_batches" DROP COLUMN "deltas";
