import type { KeyFilter } from '../db/queries/key-filter';

export interface RepriceRequest {
  /** shown with the job: "price openai/gpt-4o from 2026-03-01" */
  reason: string;
  /** first reporting day affected (YYYY-MM-DD); the job runs to the last day with data */
  fromDay: string;
  filter: KeyFilter;
  /** the reporting time zone changed: every day is re-keyed and rebuilt */
  rebuildDays?: boolean;
}
