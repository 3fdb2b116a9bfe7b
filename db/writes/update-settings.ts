import type { Settings } from '../../lib/settings';
import type { Database } from '../client';
import { getSettings } from '../queries/settings';
import { recordChange } from './audit';
import { bumpPricebookVersion } from './settings';
import { unsettleDays } from './settle';
import { upsertUnitCost, type UnitCostInput } from './unit-costs';

export interface SettingsChange {
  settings: Partial<Settings>;
  unitCosts: readonly UnitCostInput[];
}

export interface SettingsChangeResult {
  /** the settings whose value actually changed */
  changed: Partial<{ [K in keyof Settings]: { before: Settings[K]; after: Settings[K] } }>;
  /** each unit cost saved, with the first reporting day it can move (in the new time zone) */
  unitCosts: Array<UnitCostInput & { fromDay: string }>;
}

/**
 * Applies a partial settings update and new unit-cost versions in one transaction, auditing each
 * change. A value equal to the current one is not a change: no audit entry, no re-pricing.
 * Idle policy and reviewer rates move allocations, so those days are settled again.
 */
export async function updateSettings(
  db: Database,
  change: SettingsChange,
  actor: string,
): Promise<SettingsChangeResult> {
  return db.transaction(async (tx) => {
    const current = await getSettings(tx);
    const changed: Record<string, { before: unknown; after: unknown }> = {};
    for (const [key, after] of Object.entries(change.settings) as Array<[keyof Settings, unknown]>) {
      if (after === undefined || after === current[key]) continue;
      await tx.query(
        `insert into settings (key, value) values ($1, $2::jsonb)
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [key, JSON.stringify(after)],
      );
      await recordChange(tx, {
        actor,
        action: 'update',
        entity: 'setting',
        entityId: key,
        before: { [key]: current[key] },
        after: { [key]: after },
      });
      changed[key] = { before: current[key], after };
    }
    if (changed.idle_policy) await unsettleDays(tx);

    const unitCosts: SettingsChangeResult['unitCosts'] = [];
    for (const input of change.unitCosts) {
      const { fromDay } = await upsertUnitCost(tx, input, actor);
      if (input.kind === 'reviewer_hour') await unsettleDays(tx, { from: fromDay });
      unitCosts.push({ ...input, fromDay });
    }
    if (Object.keys(changed).length > 0 || unitCosts.length > 0) await bumpPricebookVersion(tx);
    return { changed: changed as SettingsChangeResult['changed'], unitCosts };
  });
}
