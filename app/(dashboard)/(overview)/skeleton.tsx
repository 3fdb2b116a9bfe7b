import { Skeleton } from '@/components/skeleton';

/** The shape of the tiles and charts, shown until the first figures arrive. */
export function OverviewSkeletonBody() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the overview">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div
            key={i}
            className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5"
          >
            <Skeleton className="h-4 w-28" />
            <Skeleton className="mt-3 h-8 w-36" />
            <Skeleton className="mt-2 h-3 w-40" />
          </div>
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {[0, 1].map((i) => (
          <div
            key={i}
            className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5"
          >
            <Skeleton className="h-4 w-48" />
            <Skeleton className="mt-5 h-72 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}
