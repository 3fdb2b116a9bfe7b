import type { ReactNode } from 'react';

/** Nothing to show for this selection: says why, and what would fill it. */
export function EmptyState({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div
      role="status"
      data-testid={testId}
      className="rounded-tremor-default border border-dashed border-tremor-border-default bg-tremor-background-default p-5 text-tremor-default"
    >
      <p className="font-medium text-tremor-content-strong">{title}</p>
      <div className="mt-1 max-w-3xl">{children}</div>
    </div>
  );
}
