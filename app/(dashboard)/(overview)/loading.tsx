import { Skeleton } from '@/components/skeleton';
import { OverviewSkeletonBody } from './skeleton';

export default function OverviewLoading() {
  return (
    <>
      <div className="mb-6">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <OverviewSkeletonBody />
    </>
  );
}
