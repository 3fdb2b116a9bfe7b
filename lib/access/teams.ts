import { ForbiddenError } from '../errors';
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
