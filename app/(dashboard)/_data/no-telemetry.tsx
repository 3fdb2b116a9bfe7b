import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';

/** A page with nothing to show because no telemetry has arrived at all. */
export function NoTelemetry({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="No telemetry yet" testId="no-telemetry">
        Send events to <code>POST /api/v1/events</code> (or OTLP traces to <code>POST /v1/traces</code>) with an ingest
        key created in Settings, each naming its team, workload class, model and token counts; or start with an empty
        data folder and <code>CUT_DEMO=1</code> to load 90 days of demo traffic. The Overview shows an example request.
      </EmptyState>
    </>
  );
}
