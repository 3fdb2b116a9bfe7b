import { Skeleton } from '@/components/skeleton';

/** The shape of the report, shown until the first figures arrive. */
export function TeamsSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the chargeback">
      <div className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="mt-3 h-5 w-full first:mt-0" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="rounded-tremor-default border border-tremor-border-default p-5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="mt-4 h-32 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
