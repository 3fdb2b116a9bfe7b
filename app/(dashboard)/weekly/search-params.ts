import { createLoader } from 'nuqs/server';
import { filterParams, parseAsDay } from '../_data/filter-params';

/** The weekly review: the week (any day of it) and the shared filters; every class is shown. */
export const weeklySearchParams = { ...filterParams, week: parseAsDay };

export const loadWeeklySearchParams = createLoader(weeklySearchParams);
