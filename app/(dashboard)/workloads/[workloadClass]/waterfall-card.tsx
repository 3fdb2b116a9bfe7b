'use client';

import { WaterfallChart } from '@/components/charts/waterfall-chart';
import { EmptyState } from '@/components/empty-state';
import { Panel } from '@/components/panel';
import * as f from '@/lib/dashboard/format';
import type { Figures } from '@/lib/dashboard/figures';
import { waterfallSteps } from '@/lib/dashboard/waterfall';
import type { BASES } from './search-params';
import { Segmented } from './segmented';

type Basis = (typeof BASES)[number];

export function WaterfallCard({
  total,
  unit,
  basis,
  onBasis,
}: {
  total: Figures;
  unit: string;
  basis: Basis;
  onBasis: (basis: Basis) => void;
}) {
  const steps = waterfallSteps(total, basis);
  const unitLabel =
    basis === 'per_accepted' ? f.perUnitLabel(unit) : basis === 'per_1m_useful' ? 'USD per 1M useful tokens' : 'USD';
  const money = (v: number) => f.usd(v.toFixed(6));
  return (
    <Panel
      title={`From sticker price to cost of accepted work (${unitLabel})`}
      description={
        <>
          Sticker price {f.usd(total.sticker_usd_per_1m)} per 1M output tokens; CUT {f.usd(total.cut_usd_per_1m)} per 1M
          useful tokens
          {total.cut_multiplier === null ? '' : `, ${total.cut_multiplier.toFixed(1)}× the sticker price`}.
        </>
      }
      actions={
        <Segmented
          label="Waterfall unit"
          value={basis}
          onChange={onBasis}
          options={[
            { value: 'per_accepted', label: `Per ${unit}` },
            { value: 'per_1m_useful', label: 'Per 1M useful tokens' },
            { value: 'total', label: 'Total' },
          ]}
        />
      }
      testId="waterfall"
    >
      {steps ? (
        <WaterfallChart steps={steps} format={money} title={`Cost build-up, ${unitLabel}`} />
      ) : (
        <EmptyState title="No accepted work to divide by">
          No workflow of this class was accepted in these dates. Acceptance arrives on events (
          <code>acceptance_status</code>) or later through <code>POST /api/v1/outcomes</code>; the total is still shown
          under “Total”.
        </EmptyState>
      )}
    </Panel>
  );
}
