import type { Color } from '@tremor/react';

/** A series a chart draws: `name` is both the data key and the legend label. */
export interface ChartSeries {
  name: string;
  color: Color;
}
