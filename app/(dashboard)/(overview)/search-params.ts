import { createLoader, createParser } from 'nuqs/server';
import { isIsoDay } from '@/lib/dates/days';

/** A reporting day in the URL; anything else reads as absent, so a bad link shows the default range. */
const parseAsDay = createParser({
  parse: (value: string) => (isIsoDay(value) ? value : null),
  serialize: (value: string) => value,
});

/** The Overview's URL state, shared by the server page (loader) and the client view (useQueryStates). */
export const overviewSearchParams = {
  from: parseAsDay,
  to: parseAsDay,
};

export const loadOverviewSearchParams = createLoader(overviewSearchParams);
