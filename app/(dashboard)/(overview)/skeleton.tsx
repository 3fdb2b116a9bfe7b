import { Skeleton } from '@/components/skeleton';

/** The shape of the tiles and charts, shown until the first figures arrive. */
export function OverviewSkeletonBody() {
  return (
    <div className="space-y-6" role="status" aria-label="Loading the overview">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: 10 }, (_, i) => (
          <div
            key={i}
            className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-4"
          >
            <Skeleton className="h-3 w-28" />
            <Skeleton className="mt-3 h-7 w-24" />
            <Skeleton className="mt-2 h-3 w-32" />
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
