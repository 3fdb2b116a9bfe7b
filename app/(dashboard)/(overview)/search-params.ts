import { createLoader } from 'nuqs/server';
import { filterParams, parseAsDay } from '../_data/filter-params';

/** The Overview's URL state: the shared filters and the day the tiles describe. */
export const overviewSearchParams = { ...filterParams, day: parseAsDay };

export const loadOverviewSearchParams = createLoader(overviewSearchParams);
