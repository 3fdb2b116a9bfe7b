import type { GpuPoolRow } from '@/db/queries/gpu-pools';
import { inForceIds, toPoolJson } from '@/lib/api/pricebook-wire';

/**
 * Pool versions (sorted by name, newest first) as one entry per pool: `current` is the version in
 * force at `now` (null while every version starts later), `history` all of them.
 */
export function poolsJson(versions: readonly GpuPoolRow[], now: Date) {
  const current = inForceIds(versions, (p) => p.name, now);
  const byName = new Map<string, GpuPoolRow[]>();
  for (const v of versions) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return [...byName].map(([name, history]) => {
    const inForce = history.find((v) => current.has(v.id));
    return { name, current: inForce ? toPoolJson(inForce) : null, history: history.map(toPoolJson) };
  });
}
