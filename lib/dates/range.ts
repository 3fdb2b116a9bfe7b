import { addDays, daysInclusive, isIsoDay, type IsoDay } from './days';

/** An inclusive range of reporting days. */
export interface DayRange {
  from: IsoDay;
  to: IsoDay;
}

/** Longest range a dashboard asks for; longer ones are refused so a typo cannot gap-fill centuries. */
const MAX_RANGE_DAYS = 731;

/** The last `days` days ending on the last day with data, never starting before the first one. */
function lastDaysOf(data: DayRange, days: number): DayRange {
  const from = addDays(data.to, -(days - 1));
  return { from: from < data.from ? data.from : from, to: data.to };
}

export const defaultRange = (data: DayRange): DayRange => lastDaysOf(data, 30);

/** Why a range cannot be shown, as a sentence for the person who picked it; null when it can. */
export function rangeProblem(range: Partial<DayRange>): string | null {
  const { from, to } = range;
  if (!from || !to || !isIsoDay(from) || !isIsoDay(to)) return 'Enter a start and an end date.';
  if (from > to) return 'The start date is after the end date.';
  if (daysInclusive(from, to) > MAX_RANGE_DAYS) return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

const isValidRange = (range: Partial<DayRange>): range is DayRange => rangeProblem(range) === null;

/** The range asked for in the URL when it is complete and valid, else the fallback. */
export function resolveRange(asked: { from: string | null; to: string | null }, fallback: DayRange): DayRange {
  const range = { from: asked.from ?? undefined, to: asked.to ?? undefined };
  return isValidRange(range) ? range : fallback;
}

export interface RangePreset {
  label: string;
  range: DayRange;
}

/**
 * Quick picks relative to the data actually held, so "last 7 days" never lands on an empty week.
 * A pick that would cover all the data anyway is left out in favour of "All data".
 */
export function rangePresets(data: DayRange): RangePreset[] {
  const span = daysInclusive(data.from, data.to);
  const presets = [7, 30, 90]
    .filter((days) => days < span)
    .map((days) => ({ label: `Last ${days} days`, range: lastDaysOf(data, days) }));
  return [...presets, { label: 'All data', range: lastDaysOf(data, MAX_RANGE_DAYS) }];
}
