'use client';

import { LineChart } from '@tremor/react';
import type { SeriesChartProps } from './series';

/** Lines over a day index; a null value is a gap (no data that day), never drawn as zero. */
export function SeriesLineChart({
  data,
  index,
  series,
  valueFormatter,
  className = 'h-72',
  showLegend = true,
}: SeriesChartProps & { showLegend?: boolean }) {
  return (
    <LineChart
      className={className}
      data={[...data]}
      index={index}
      categories={series.map((s) => s.name)}
      colors={series.map((s) => s.color)}
      valueFormatter={valueFormatter}
      yAxisWidth={64}
      showLegend={showLegend}
      showAnimation={false}
      connectNulls={false}
      curveType="linear"
    />
  );
}
