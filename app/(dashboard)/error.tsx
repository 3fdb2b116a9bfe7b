'use client';

import { useEffect } from 'react';

/** A dashboard page could not be rendered at all (most often: the database could not be opened). */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div
      role="alert"
      className="rounded-tremor-default border border-red-200 bg-red-50 p-6 text-tremor-default text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <h1 className="text-tremor-title font-semibold">This page could not be loaded</h1>
      <p className="mt-2 max-w-2xl">
        This usually means the database is not reachable. Check that the server can open its data folder (CUT_DATA_DIR)
        or reach DATABASE_URL; its log says which. Then try again.
      </p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded-tremor-small bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
      >
        Retry
      </button>
    </div>
  );
}
