import type { Color } from '@tremor/react';

/** A series a chart draws: `name` is both the data key and the legend label. */
export interface ChartSeries {
  name: string;
  color: Color;
}

/** What every series chart takes: rows already mapped and gap-filled, and the series to draw. */
export interface SeriesChartProps {
  data: ReadonlyArray<Record<string, unknown>>;
  index: string;
  series: readonly ChartSeries[];
  valueFormatter: (value: number) => string;
  className?: string;
}
