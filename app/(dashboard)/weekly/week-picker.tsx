'use client';

import { useId } from 'react';
import { addDays } from '@/lib/dates/days';
import type { DayRange } from '@/lib/dates/range';
import { weekRange, weeksOf } from '@/lib/dashboard/weekly';
import { formatDayRange } from '@/lib/format/dates';

const control =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input disabled:opacity-40';

/** Picks a week (its Monday) among those with data, with buttons for the one before and after. */
export function WeekPicker({
  value,
  dataRange,
  onChange,
}: {
  value: string;
  dataRange: DayRange;
  onChange: (monday: string) => void;
}) {
  const id = useId();
  const weeks = weeksOf(dataRange);
  const i = weeks.indexOf(value);
  return (
    <div className="flex items-end gap-1">
      <button
        type="button"
        className={control}
        aria-label="Previous week"
        disabled={i < 0 || i >= weeks.length - 1}
        onClick={() => onChange(addDays(value, -7))}
      >
        ←
      </button>
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-tremor-label font-medium text-tremor-content-default">
          Week
        </label>
        <select id={id} className={control} value={value} onChange={(e) => onChange(e.target.value)}>
          {weeks.map((w) => (
            <option key={w} value={w}>
              {formatDayRange(weekRange(w))}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className={control}
        aria-label="Next week"
        disabled={i <= 0}
        onClick={() => onChange(addDays(value, 7))}
      >
        →
      </button>
    </div>
  );
}
