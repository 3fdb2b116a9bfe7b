'use client';

import { BarChart } from '@tremor/react';
import type { SeriesChartProps } from './series';

/**
 * Bars (stacked when there are several series); data is mapped by the caller. `horizontal` puts
 * the categories down the side, for names too long for an axis under the bars.
 */
export function SeriesBarChart({
  data,
  index,
  series,
  valueFormatter,
  className = 'h-72',
  horizontal = false,
  categoryWidth = 140,
  stacked = series.length > 1,
}: SeriesChartProps & { horizontal?: boolean; categoryWidth?: number; stacked?: boolean }) {
  return (
    <BarChart
      className={className}
      data={[...data]}
      index={index}
      categories={series.map((s) => s.name)}
      colors={series.map((s) => s.color)}
      stack={stacked}
      valueFormatter={valueFormatter}
      layout={horizontal ? 'vertical' : 'horizontal'}
      yAxisWidth={horizontal ? categoryWidth : 56}
      showLegend={series.length > 1}
      showAnimation={false}
    />
  );
}
