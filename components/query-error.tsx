/**
 * A failed fetch of the figures, with a way to try again; says whether waiting is likely to help
 * (503: the database is away) or the question itself was refused (400: the message says why).
 */
export function QueryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  // An API answer carries its HTTP status (app/api-client.ts).
  const status = (error as Error & { status?: number }).status;
  return (
    <div
      role="alert"
      className="mb-6 rounded-tremor-default border border-red-200 bg-red-50 p-4 text-tremor-default text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-semibold">
        {status === 503
          ? 'The database is not reachable right now.'
          : status === 400
            ? 'This question cannot be answered as asked.'
            : 'The figures could not be loaded.'}
      </p>
      <p className="mt-1">{error.message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="mt-3 rounded-tremor-small border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-100 dark:border-red-800 dark:bg-red-900 dark:text-red-100 dark:hover:bg-red-800"
      >
        Retry
      </button>
    </div>
  );
}

/**
 * The first error among a page's queries, if any; Retry refetches every query that failed, so
 * one click recovers the page.
 */
export function QueriesError({
  queries,
}: {
  queries: ReadonlyArray<{ isError: boolean; error: Error | null; refetch: () => unknown }>;
}) {
  const failed = queries.find((q) => q.isError);
  if (!failed?.error) return null;
  return (
    <QueryError
      error={failed.error}
      onRetry={() => {
        for (const q of queries) if (q.isError) void q.refetch();
      }}
    />
  );
}
