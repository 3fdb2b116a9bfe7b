'use client';

import { useMemo } from 'react';
import { DateRangePicker } from '@/components/date-range-picker';
import type { DimensionsBody } from '@/lib/api/dashboard-wire';
import { filterChoices, type FilterKey } from '@/lib/dashboard/filter-options';
import type { DashboardFilters } from '@/lib/dashboard/params';
import { rangePresets, rangeProblem, type DayRange } from '@/lib/dates/range';
import { FilterBar } from './filter-bar';

/** The date range (presets and a custom pair) for a page header's actions. */
export function RangeControl({
  range,
  dataRange,
  onChange,
}: {
  range: DayRange;
  dataRange: DayRange;
  onChange: (range: DayRange) => void;
}) {
  const presets = useMemo(() => rangePresets(dataRange), [dataRange]);
  return (
    <DateRangePicker value={range} bounds={dataRange} presets={presets} validate={rangeProblem} onChange={onChange} />
  );
}

/** The filter selects under a page header; nothing until the dimensions have loaded. */
export function FilterControls({
  dims,
  filters,
  omit,
  onChange,
}: {
  dims: DimensionsBody | undefined;
  filters: DashboardFilters;
  omit?: readonly FilterKey[];
  onChange: (key: FilterKey, value: string | null) => void;
}) {
  if (!dims) return <div className="h-14" aria-hidden="true" />;
  return (
    <FilterBar
      filters={filterChoices(dims, filters, omit)}
      onChange={(key, value) => onChange(key as FilterKey, value)}
    />
  );
}
