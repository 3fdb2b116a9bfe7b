/** Shared looks of form controls, so sign-in and settings forms match the date picker. */
export const inputClass =
  'w-full rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-2 text-tremor-default text-tremor-content-strong shadow-tremor-input outline-none focus:border-tremor-brand-default focus:ring-2 focus:ring-tremor-brand-muted';

export const primaryButtonClass =
  'rounded-tremor-small bg-tremor-brand-default px-3 py-2 text-tremor-default font-medium text-tremor-brand-inverted shadow-tremor-input hover:bg-tremor-brand-emphasis disabled:opacity-60';

export const secondaryButtonClass =
  'rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-2 text-tremor-default font-medium text-tremor-content-emphasis shadow-tremor-input hover:bg-tremor-background-muted disabled:opacity-60';

export const errorTextClass =
  'rounded-tremor-small border border-red-200 bg-red-50 px-3 py-2 text-tremor-default text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200';

export const labelClass = 'mb-1 block text-tremor-default font-medium text-tremor-content-emphasis';
