'use client';

import { useId } from 'react';

const FIELD =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input';

/** A labelled range slider that shows its value; keyboard arrows move it like any range input. */
export function SliderField({
  label,
  value,
  min,
  max,
  step = 1,
  format,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-tremor-default font-medium text-tremor-content-emphasis">
          {label}
        </label>
        <output htmlFor={id} className="tabular-nums text-tremor-default text-tremor-content-strong">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        data-testid={testId}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-blue-600"
      />
    </div>
  );
}

/** A labelled select over `options` ([value, label] pairs). */
export function SelectField({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-tremor-default font-medium text-tremor-content-emphasis">
        {label}
      </label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} className={FIELD}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled number box; an empty box is `null` ("not stated"). */
export function NumberField({
  label,
  value,
  placeholder,
  min = 0,
  step = 'any',
  hint,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  placeholder?: string;
  min?: number;
  step?: number | 'any';
  hint?: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-tremor-default font-medium text-tremor-content-emphasis">
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="number"
        inputMode="decimal"
        min={min}
        step={step}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={FIELD}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-tremor-label text-tremor-content-default">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
