import { useId, type ReactNode } from 'react';

/** A titled chart panel; the figure is labelled by its title so the chart is announced with it. */
export function ChartCard({
  title,
  description,
  children,
  testId,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <figure
      aria-labelledby={id}
      data-testid={testId}
      className="rounded-tremor-default border border-tremor-border-default bg-tremor-background-default p-5 shadow-tremor-card"
    >
      <figcaption className="mb-4">
        <h2 id={id} className="text-tremor-default font-semibold text-tremor-content-strong">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-tremor-label text-tremor-content-default">{description}</p> : null}
      </figcaption>
      {children}
    </figure>
  );
}
