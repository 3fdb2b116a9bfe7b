'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useId, useState, useTransition, type ReactNode } from 'react';
import type { ActionResult } from './actions/result';

export const inputClass =
  'w-full rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2 py-1.5 text-tremor-default text-tremor-content-strong shadow-tremor-input aria-invalid:border-red-500';
export const primaryButton =
  'rounded-tremor-small bg-tremor-brand-default px-3 py-1.5 text-tremor-default font-medium text-tremor-brand-inverted shadow-tremor-input hover:bg-tremor-brand-emphasis disabled:opacity-60';
export const secondaryButton =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-2.5 py-1 text-tremor-label font-medium text-tremor-content-emphasis hover:bg-tremor-background-muted';

/** A labelled input with its hint and, after a failed save, the rule it broke. */
export function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-tremor-label font-medium text-tremor-content-emphasis">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-tremor-label text-tremor-content-default">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-tremor-label text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A decimal figure (a price, a rate, a weight): a text box, so no browser reformats the digits. */
export function DecimalField({
  defaultValue,
  ...field
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  defaultValue: string | number;
}) {
  return (
    <Field {...field}>
      {(p) => <input {...p} inputMode="decimal" className={inputClass} defaultValue={defaultValue} />}
    </Field>
  );
}

/**
 * A form's last row: its submit button (`pendingLabel` while the save runs), any other buttons
 * (`children`), then the outcome of the last save. `wide` spans the four-column forms.
 */
export function FormActions({
  action,
  label,
  pendingLabel = 'Saving…',
  wide = false,
  children,
}: {
  action: { pending: boolean; error: string | null; done: string | null };
  label: string;
  pendingLabel?: string;
  wide?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 sm:col-span-2${wide ? ' lg:col-span-4' : ''}`}>
      <button type="submit" className={primaryButton} disabled={action.pending}>
        {action.pending ? pendingLabel : label}
      </button>
      {children}
      <FormMessage error={action.error} done={action.done} />
    </div>
  );
}

/**
 * A row's earlier versions under a disclosure, one line each (`line` says what each was), shown
 * only when there is more than one.
 */
export function VersionHistory<V extends { id: number }>({
  versions,
  line,
}: {
  versions: readonly V[];
  line: (version: V) => ReactNode;
}) {
  if (versions.length <= 1) return null;
  return (
    <details className="mt-1 font-normal">
      <summary className="cursor-pointer text-tremor-label text-tremor-brand-emphasis">
        History ({versions.length} versions)
      </summary>
      <ul className="mt-1 space-y-0.5 text-tremor-label text-tremor-content-default">
        {versions.map((v) => (
          <li key={v.id}>{line(v)}</li>
        ))}
      </ul>
    </details>
  );
}

/** A form's outcome line: the error of a failed save, or what the last save did. */
export function FormMessage({ error, done }: { error: string | null; done: string | null }) {
  if (error)
    return (
      <p role="alert" className="text-tremor-default text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  if (done)
    return (
      <p role="status" className="text-tremor-default text-emerald-700 dark:text-emerald-400">
        {done}
      </p>
    );
  return null;
}

/** Tells the page a save is under way, so re-pricing progress is polled meanwhile. */
export const SavingContext = createContext<(saving: boolean) => void>(() => {});

/**
 * Runs a Settings action and, when it saved, refetches the Settings data and drops every cached
 * figure, so the other pages read the re-priced numbers next time they are opened.
 */
export function useSettingsAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const reportSaving = useContext(SavingContext);
  useEffect(() => reportSaving(pending), [pending, reportSaving]);

  function run(input: I, onSaved?: (data: T) => string | void) {
    setDone(null);
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setError(result.error);
        setFields(result.fields);
        return;
      }
      setError(null);
      setFields({});
      setDone(onSaved?.(result.data) ?? 'Saved.');
      await queryClient.invalidateQueries();
    });
  }
  return { run, pending, error, fields, done };
}

/** Optional text fields: an empty box means "not given". */
export const optional = (value: FormDataEntryValue | null) => {
  const s = typeof value === 'string' ? value.trim() : '';
  return s === '' ? undefined : s;
};

export const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');

/** The options of a select, one per entry of a value -> label record. */
export function Options({ of }: { of: Readonly<Record<string | number, string>> }) {
  return (
    <>
      {Object.entries(of).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** A settings table's header: a label per column (`right` for figures), then a hidden "Actions" column. */
export function TableHead({ columns }: { columns: ReadonlyArray<string | { label: string; right: true }> }) {
  return (
    <thead>
      <tr className="border-b border-tremor-border-default text-tremor-label text-tremor-content-emphasis">
        {columns.map((c) => {
          const { label, right } = typeof c === 'string' ? { label: c, right: false } : c;
          return (
            <th key={label} scope="col" className={right ? 'px-2 py-2 text-right' : 'px-2 py-2'}>
              {label}
            </th>
          );
        })}
        <th scope="col" className="px-2 py-2">
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
