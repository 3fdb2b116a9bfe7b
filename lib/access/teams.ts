import { ForbiddenError } from '../errors';
import type { MetricsFilters } from '../metrics/keys';
import type { TeamScope } from './principal';

/**
 * The teams a query may read for a caller: undefined means every team. A caller limited to some
 * teams reads those (or the ones it asked for among them); asking for any other team is a 403,
 * never an empty answer, so a guessed team name reveals nothing but the refusal.
 */
export function scopeTeams(scope: TeamScope, requested?: readonly string[]): string[] | undefined {
  if (scope === 'all') return requested?.length ? [...requested] : undefined;
  if (scope.length === 0) throw new ForbiddenError('no team is granted to you yet: ask an admin to grant one');
  if (!requested?.length) return [...scope];
  const outside = requested.find((team) => !scope.includes(team));
  if (outside !== undefined) throw new ForbiddenError(`you may not see team ${JSON.stringify(outside)}`);
  return [...requested];
}

/** A metrics-style query narrowed to the caller's teams: its team filter scoped as scopeTeams does. */
export function scopeQuery<Q extends { filters: MetricsFilters }>(scope: TeamScope, query: Q): Q {
  const { team: asked, ...rest } = query.filters;
  const team = scopeTeams(scope, asked);
  return { ...query, filters: team ? { ...rest, team } : rest };
}
