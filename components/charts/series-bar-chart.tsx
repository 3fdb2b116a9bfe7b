'use client';

import { BarChart } from '@tremor/react';
import type { SeriesChartProps } from './series';

/** Bars over a day index (stacked when there are several series); data is mapped by the caller. */
export function SeriesBarChart({ data, index, series, valueFormatter, className = 'h-72' }: SeriesChartProps) {
  return (
    <BarChart
      className={className}
      data={[...data]}
      index={index}
      categories={series.map((s) => s.name)}
      colors={series.map((s) => s.color)}
      stack={series.length > 1}
      valueFormatter={valueFormatter}
      yAxisWidth={56}
      showLegend={series.length > 1}
      showAnimation={false}
    />
  );
}
