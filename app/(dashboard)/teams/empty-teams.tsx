import { PageHeader } from '@/components/page-header';

/** No telemetry at all yet: there is no month to charge back. */
export function EmptyTeams() {
  return (
    <>
      <PageHeader title="Teams" description="Monthly chargeback per team." />
      <section
        data-testid="teams-empty"
        className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 shadow-tremor-card"
      >
        <h2 className="text-tremor-title font-semibold text-tremor-content-strong">Nothing to charge back yet</h2>
        <p className="mt-1 max-w-2xl text-tremor-default">
          Chargeback starts with the first month that has telemetry. Send events with a <code>team</code> to{' '}
          <code>POST /api/v1/events</code> (or OTLP traces to <code>POST /v1/traces</code>), or start CUT with{' '}
          <code>CUT_DEMO=1</code> on an empty database for 90 days of demo data.
        </p>
      </section>
    </>
  );
}
