CREATE TABLE "pending_batches" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"days" integer[] NOT NULL,
	"deltas" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "previous_day" date;