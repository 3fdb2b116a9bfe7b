ALTER TABLE "workflows" ADD COLUMN "last_event_id" text;--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "attributed_event_id" text;--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "acceptance_event_id" text;