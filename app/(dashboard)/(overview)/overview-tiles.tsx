import { MetricTile } from '@/components/metric-tile';
import { formatCount, formatUsd, formatUsdUnit } from '@/lib/format/numbers';
import type { OverviewSummary } from '@/lib/overview/summary';

export function OverviewTiles({ summary }: { summary: OverviewSummary }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <MetricTile
        testId="tile-total-cost"
        label="Total direct cost"
        value={formatUsd(summary.totalUsd)}
        hint="Layers L1–L4, in USD"
      />
      <MetricTile
        testId="tile-requests"
        label="Requests"
        value={formatCount(summary.requests)}
        hint="Model calls in the range"
      />
      <MetricTile
        testId="tile-cost-per-request"
        label="Cost per request"
        value={summary.costPerRequestUsd === null ? '—' : formatUsdUnit(summary.costPerRequestUsd)}
        hint={summary.costPerRequestUsd === null ? 'No requests in the range' : 'Total direct cost ÷ requests'}
      />
      <MetricTile
        testId="tile-unpriced"
        label="Unpriced events"
        value={formatCount(summary.unpriced)}
        tone={summary.unpriced > 0 ? 'warning' : 'default'}
        hint={
          summary.unpriced > 0
            ? 'No price in the price book: costed at $0 until one is added'
            : 'Every event had a price'
        }
      />
    </dl>
  );
}
