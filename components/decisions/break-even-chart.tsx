'use client';

import { LineChart } from '@tremor/react';
import { API_SERIES, HYBRID_SERIES, OBSERVED_SERIES, POOL_SERIES } from '@/lib/decisions/panel-data';
import { formatCountCompact, formatUsdCompact } from '@/lib/format/numbers';

/** Monthly cost of each option against monthly volume; the observed volume is a lone marked point. */
export function BreakEvenChart({ data }: { data: ReadonlyArray<Record<string, number>> }) {
  const rows = data.map((row) => ({ ...row, volume: formatCountCompact(Number(row.tokens)) }));
  return (
    <LineChart
      className="h-72"
      data={rows}
      index="volume"
      categories={[API_SERIES, POOL_SERIES, HYBRID_SERIES, OBSERVED_SERIES]}
      colors={['blue', 'amber', 'emerald', 'rose']}
      valueFormatter={formatUsdCompact}
      yAxisWidth={72}
      xAxisLabel="Tokens per month"
      connectNulls={false}
      showAnimation={false}
    />
  );
}
