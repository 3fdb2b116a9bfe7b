import { PageSkeleton } from '../../_data/page-skeleton';

export default function Loading() {
  return <PageSkeleton label="Loading the workload class" />;
}
