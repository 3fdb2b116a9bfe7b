import { Skeleton } from '@/components/skeleton';
import { TeamsSkeleton } from './skeleton';

export default function TeamsLoading() {
  return (
    <>
      <div className="mb-6">
        <Skeleton className="h-8 w-32" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <TeamsSkeleton />
    </>
  );
}
