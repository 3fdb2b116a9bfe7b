import { createLoader, createParser } from 'nuqs/server';
import { isMonth } from '@/lib/chargeback/month';

/** A month in the URL; anything else reads as absent, so a bad link shows the default month. */
const parseAsMonth = createParser({
  parse: (value: string) => (isMonth(value) ? value : null),
  serialize: (value: string) => value,
});

/** The Teams pages' URL state, shared by the server pages (loader) and the client views. */
export const teamsSearchParams = { month: parseAsMonth };

export const loadTeamsSearchParams = createLoader(teamsSearchParams);
