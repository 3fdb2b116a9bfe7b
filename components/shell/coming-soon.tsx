import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';

/** A section that exists in the navigation but not yet in the product; it shows no invented data. */
export function ComingSoon({ title, summary, planned }: { title: string; summary: ReactNode; planned: string[] }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <section
        aria-labelledby="planned-heading"
        className="rounded-tremor-default border border-dashed border-tremor-border-default bg-tremor-background-default p-6"
      >
        <p className="mb-3 inline-flex rounded-tremor-full bg-tremor-background-subtle px-2.5 py-0.5 text-tremor-label font-medium text-tremor-content-emphasis">
          Coming in a later release
        </p>
        <h2 id="planned-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
          What this page will show
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-tremor-default">
          {planned.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
