/** A grey placeholder block with the size of what is loading. */
export function Skeleton({ className = '' }: { className?: string }) {
  return (
    <div aria-hidden="true" className={`animate-pulse rounded-tremor-small bg-tremor-background-subtle ${className}`} />
  );
}
