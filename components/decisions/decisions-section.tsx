'use client';

import { BreakEvenPanel } from './break-even-panel';
import { MigrationRecommendations } from './recommendations-list';
import { WhatIfPanel } from './what-if-panel';

/**
 * The decisions a review takes from a page's period: for one workload class, its what-if and its
 * API-versus-pool break-even; for every class (the weekly review), the migration recommendations
 * with their numbers and an organisation-wide what-if.
 */
export function DecisionsSection({
  from,
  to,
  workloadClass,
}: {
  from: string;
  to: string;
  workloadClass: string | null;
}) {
  return (
    <section aria-labelledby="decisions-heading" data-testid="decisions-section" className="space-y-4 print:hidden">
      <h2 id="decisions-heading" className="text-tremor-title font-semibold text-tremor-content-strong">
        Decisions
      </h2>
      {workloadClass === null && <MigrationRecommendations from={from} to={to} />}
      <WhatIfPanel from={from} to={to} workloadClass={workloadClass} />
      {workloadClass !== null && <BreakEvenPanel from={from} to={to} workloadClass={workloadClass} />}
    </section>
  );
}
