import { createLoader, createParser, parseAsString } from 'nuqs/server';
import { isIsoDay } from '@/lib/dates/days';

const parseAsDay = createParser({
  parse: (value: string) => (isIsoDay(value) ? value : null),
  serialize: (value: string) => value,
});

/** The Decisions page's URL state: the period and the workload class ('all' for every class). */
export const decisionsSearchParams = {
  from: parseAsDay,
  to: parseAsDay,
  class: parseAsString,
};

export const loadDecisionsSearchParams = createLoader(decisionsSearchParams);
