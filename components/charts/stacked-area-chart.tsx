'use client';

import { AreaChart } from '@tremor/react';
import type { SeriesChartProps } from './series';

/** Stacked areas over a day index; data is already mapped and gap-filled by the caller. */
export function StackedAreaChart({ data, index, series, valueFormatter, className = 'h-72' }: SeriesChartProps) {
  return (
    <AreaChart
      className={className}
      data={[...data]}
      index={index}
      categories={series.map((s) => s.name)}
      colors={series.map((s) => s.color)}
      stack
      curveType="monotone"
      valueFormatter={valueFormatter}
      yAxisWidth={64}
      showAnimation={false}
    />
  );
}
