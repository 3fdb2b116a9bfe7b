DROP INDEX "workflows_id_idx";--> statement-breakpoint
ALTER TABLE "workflows" DROP CONSTRAINT "workflows_team_workflow_id_pk";--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_workflow_id_team_pk" PRIMARY KEY("workflow_id","team");