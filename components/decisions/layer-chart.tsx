'use client';

import { BarChart } from '@tremor/react';
import { BASELINE, PROJECTED } from '@/lib/decisions/panel-data';
import { formatUsdCompact } from '@/lib/format/numbers';

/** Each layer observed and projected side by side; rows are mapped by layerChartRows. */
export function LayerChart({ data }: { data: ReadonlyArray<Record<string, string | number>> }) {
  return (
    <BarChart
      className="h-56"
      data={[...data]}
      index="layer"
      categories={[BASELINE, PROJECTED]}
      colors={['gray', 'blue']}
      valueFormatter={formatUsdCompact}
      yAxisWidth={64}
      showAnimation={false}
    />
  );
}
