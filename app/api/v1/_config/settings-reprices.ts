import type { RepriceRequest } from '@/costing/types';
import type { KeyFilter } from '@/db/queries/key-filter';
import type { SettingsChangeResult } from '@/db/writes/update-settings';
import { reportingDayFormatter } from '@/lib/reporting-day';

/**
 * The re-pricing a settings change needs. A new reporting time zone re-keys and rebuilds every
 * day, which re-prices everything, so nothing else is asked for then. Otherwise each unit cost
 * re-prices what it applies to (a '' scope is the default, so every class or team), one job per
 * scope from the earliest day any of its versions starts. Idle policy, registry and rate limit
 * move no event's direct cost.
 */
export function repricesForSettings(result: SettingsChangeResult, now = new Date()): RepriceRequest[] {
  const zone = result.changed.reporting_time_zone;
  if (zone) {
    return [
      {
        reason: `reporting time zone ${zone.before} -> ${zone.after}`,
        fromDay: reportingDayFormatter(zone.after)(now),
        filter: { kind: 'all' },
        rebuildDays: true,
      },
    ];
  }
  const byScope = new Map<string, RepriceRequest>();
  for (const u of result.unitCosts) {
    const filter: KeyFilter =
      u.scope === ''
        ? { kind: 'all' }
        : u.kind === 'tool_call'
          ? { kind: 'workload_class', workloadClass: u.scope }
          : { kind: 'team', team: u.scope };
    const key = JSON.stringify(filter);
    const earlier = byScope.get(key);
    if (earlier && earlier.fromDay <= u.fromDay) continue;
    const what = u.kind === 'tool_call' ? 'tool-call cost' : 'reviewer rate';
    byScope.set(key, {
      reason: `${what} for ${u.scope || 'every scope'} from ${u.fromDay}`,
      fromDay: u.fromDay,
      filter,
    });
  }
  return [...byScope.values()];
}
