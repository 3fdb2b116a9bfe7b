import { PageHeader } from '@/components/page-header';

const SAMPLE = `curl -X POST http://localhost:3000/api/v1/events \\
  -H "Authorization: Bearer $CUT_INGEST_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"events": [{"id": "evt-1", "timestamp": "2026-11-20T09:30:00Z",
       "team": "support", "workload_class": "customer_support",
       "model": "gpt-4o-mini", "provider": "openai",
       "input_tokens": 1200, "output_tokens": 300, "latency_ms": 850}]}'`;

function Code({ children }: { children: string }) {
  return <code className="rounded bg-tremor-background-subtle px-1 py-0.5">{children}</code>;
}

/** No telemetry at all yet: say how to get some rather than draw empty charts. */
export function EmptyOverview() {
  return (
    <>
      <PageHeader
        title="Overview"
        description="Total cost of ownership of LLM inference, cost per useful token, and what moved."
      />
      <section
        aria-labelledby="empty-heading"
        data-testid="overview-empty"
        className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-6 shadow-tremor-card"
      >
        <h2 id="empty-heading" className="text-tremor-title font-semibold text-tremor-content-strong">
          No telemetry yet
        </h2>
        <p className="mt-1 max-w-2xl text-tremor-default">
          The database holds no requests, so there is nothing to chart. Either load the demo data or send your own
          events.
        </p>
        <ol className="mt-4 list-decimal space-y-4 pl-5 text-tremor-default">
          <li>
            <span className="font-medium text-tremor-content-emphasis">Load demo data:</span> stop the server and run{' '}
            <Code>npm start</Code> with an empty data folder and <Code>CUT_DEMO=1</Code> (the default). It fills the
            database with 90 days of realistic traffic.
          </li>
          <li>
            <span className="font-medium text-tremor-content-emphasis">Send telemetry:</span> create an ingest key
            through <Code>POST /api/v1/keys</Code> with the admin key, then post events to{' '}
            <Code>POST /api/v1/events</Code>, or OTLP traces to <Code>POST /v1/traces</Code>:
            <pre className="mt-2 overflow-x-auto rounded-tremor-small bg-gray-900 p-3 text-tremor-label leading-relaxed text-gray-100">
              <code>{SAMPLE}</code>
            </pre>
          </li>
        </ol>
      </section>
    </>
  );
}
