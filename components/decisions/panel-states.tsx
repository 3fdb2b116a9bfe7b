import { ApiRequestError } from '@/app/api-client';
import { Skeleton } from '@/components/skeleton';

/** A panel's question could not be answered: the server's reason, and a way to ask again. */
export function PanelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const refused = error instanceof ApiRequestError && error.status === 400;
  return (
    <div
      role="alert"
      className="rounded-tremor-small border border-red-200 bg-red-50 p-4 text-tremor-default text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-semibold">
        {refused ? 'This question cannot be answered as asked.' : 'The figures could not be loaded.'}
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

/** The shape of a panel's figures while the first answer is on its way. */
export function PanelSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-6 w-full" />
      ))}
      <Skeleton className="h-56 w-full" />
    </div>
  );
}

/** A titled panel card; `aria-busy` while a newer answer loads over the shown one. */
export function PanelCard({
  title,
  description,
  busy,
  testId,
  children,
}: {
  title: string;
  description: string;
  busy: boolean;
  testId: string;
  children: React.ReactNode;
}) {
  const id = `${testId}-title`;
  return (
    <section
      aria-labelledby={id}
      aria-busy={busy}
      data-testid={testId}
      className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5 shadow-tremor-card"
    >
      <h2 id={id} className="text-tremor-title font-semibold text-tremor-content-strong">
        {title}
      </h2>
      <p className="mt-0.5 max-w-3xl text-tremor-default text-tremor-content-default">{description}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
