import { Skeleton } from '@/components/skeleton';

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
