'use client';

import { useId, useState, type FormEvent } from 'react';
import type { DayRange, RangePreset } from '@/lib/dates/range';

/**
 * Presets apply at once; the two date fields apply together on "Apply", so a half-typed date
 * never becomes a request. The fields remount when the applied range changes elsewhere.
 */
export function DateRangePicker({
  value,
  bounds,
  presets,
  validate,
  onChange,
}: {
  value: DayRange;
  /** earliest and latest selectable day */
  bounds: DayRange;
  presets: readonly RangePreset[];
  /** null when acceptable, else a sentence saying what is wrong */
  validate: (range: DayRange) => string | null;
  onChange: (range: DayRange) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const range = { from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') };
    const error = validate(range);
    setProblem(error);
    if (!error) onChange(range);
  }

  const same = (r: DayRange) => r.from === value.from && r.to === value.to;
  const field =
    'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input';

  return (
    <div className="flex flex-col gap-2 lg:items-end">
      <div role="group" aria-label="Quick date ranges" className="flex flex-wrap gap-1">
        {presets.map((preset) => (
          <button
            key={preset.label}
            type="button"
            aria-pressed={same(preset.range)}
            onClick={() => {
              setProblem(null);
              onChange(preset.range);
            }}
            className="rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-1.5 text-tremor-default font-medium text-tremor-content-emphasis shadow-tremor-input hover:bg-tremor-background-muted aria-pressed:border-tremor-brand-default aria-pressed:bg-tremor-brand-faint aria-pressed:text-tremor-brand-emphasis"
          >
            {preset.label}
          </button>
        ))}
      </div>
      <form
        key={`${value.from}/${value.to}`}
        onSubmit={apply}
        aria-label="Custom date range"
        className="flex flex-wrap items-center gap-2"
        noValidate
      >
        <label htmlFor={`${id}-from`} className="text-tremor-default">
          From
        </label>
        <input
          id={`${id}-from`}
          name="from"
          type="date"
          defaultValue={value.from}
          min={bounds.from}
          max={bounds.to}
          className={field}
        />
        <label htmlFor={`${id}-to`} className="text-tremor-default">
          to
        </label>
        <input
          id={`${id}-to`}
          name="to"
          type="date"
          defaultValue={value.to}
          min={bounds.from}
          max={bounds.to}
          className={field}
        />
        <button
          type="submit"
          className="rounded-tremor-small bg-tremor-brand-default px-3 py-1.5 text-tremor-default font-medium text-tremor-brand-inverted shadow-tremor-input hover:bg-tremor-brand-emphasis"
        >
          Apply
        </button>
      </form>
      {problem ? (
        <p role="alert" className="text-tremor-label text-red-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
