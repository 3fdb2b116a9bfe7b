import { useId, type ReactNode } from 'react';

/** A titled card for tables and lists (charts use ChartCard, a figure). */
export function Panel({
  title,
  description,
  actions,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5 shadow-tremor-card"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={id} className="text-tremor-default font-semibold text-tremor-content-strong">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-tremor-label text-tremor-content-default">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
