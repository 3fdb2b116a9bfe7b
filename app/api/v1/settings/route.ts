import { z } from 'zod';
import { requireAccess } from '@/app/api/access';
import { apiRoute, database, parseBody } from '@/app/api/handler';
import type { Database } from '@/db/client';
import { getSettings } from '@/db/queries/settings';
import { listUnitCosts } from '@/db/queries/unit-costs';
import { updateSettings } from '@/db/writes/update-settings';
import { slug } from '@/ingest/native/rules';
import { decimalAmount, effectiveFrom, oneOf } from '@/lib/api/config-fields';
import { toUnitCostJson } from '@/lib/api/pricebook-wire';
import { IDLE_POLICIES, UNIT_COST_KINDS } from '@/lib/costing/pricebook';
import { SettingsSchema } from '@/lib/settings';
import { afterPricebookChange } from '../_config/after-change';
import { repricesForSettings } from '../_config/settings-reprices';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const SCOPE = 'must be "" (the default) or a slug: lowercase letters, digits, _ or -, at most 63 characters';

const UnitCostBody = z.strictObject({
  kind: oneOf(UNIT_COST_KINDS),
  /** a workload class for tool_call, a team for reviewer_hour */
  scope: z
    .string({ error: SCOPE })
    .refine((s) => s === '' || slug.safeParse(s).success, SCOPE)
    .default(''),
  usd: decimalAmount(),
  effective_from: effectiveFrom,
});

/** lib/settings.ts decides what is valid (the pipes); the checks in front only word the 400 for people. */
const field = SettingsSchema.shape;
const WHOLE = 'must be a whole number > 0';
const PutSettingsBody = z
  .strictObject({
    idle_policy: oneOf(IDLE_POLICIES).pipe(field.idle_policy.unwrap()).optional(),
    reporting_time_zone: z
      .string({ error: 'must be an IANA time zone such as UTC or Europe/Paris' })
      .pipe(field.reporting_time_zone.unwrap())
      .optional(),
    strict_registry: z.boolean({ error: 'must be true or false' }).pipe(field.strict_registry.unwrap()).optional(),
    ingest_rate_limit_per_minute: z
      .number({ error: WHOLE })
      .int(WHOLE)
      .positive(WHOLE)
      .pipe(field.ingest_rate_limit_per_minute.unwrap())
      .optional(),
    unit_costs: z.array(UnitCostBody).max(100, 'must hold at most 100 entries').optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.unit_costs?.forEach((u, i) => {
      const key = `${u.kind}\u0000${u.scope}\u0000${u.effective_from.getTime()}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['unit_costs', i],
          message: 'repeats the kind, scope and effective_from of an earlier entry',
        });
      }
      seen.add(key);
    });
  });

async function settingsJson(db: Database) {
  const [settings, unitCosts] = await Promise.all([getSettings(db), listUnitCosts(db)]);
  return { ...settings, unit_costs: unitCosts.map(toUnitCostJson) };
}

/** The settings in force and every unit-cost version (settings:read). */
export const GET = apiRoute(async (request) => {
  const db = await database();
  await requireAccess(request, 'settings:read');
  return Response.json(await settingsJson(db));
});

/** Changes some settings and adds unit-cost versions; re-prices what they move (settings:write). */
export const PUT = apiRoute(async (request) => {
  const db = await database();
  const caller = await requireAccess(request, 'settings:write');
  const { unit_costs: unitCosts = [], ...settings } = await parseBody(PutSettingsBody, request);
  const result = await updateSettings(
    db,
    {
      settings,
      unitCosts: unitCosts.map((u) => ({ kind: u.kind, scope: u.scope, usd: u.usd, effectiveFrom: u.effective_from })),
    },
    caller.actor,
  );
  const changedAnything = Object.keys(result.changed).length > 0 || result.unitCosts.length > 0;
  const jobs = changedAnything ? await afterPricebookChange(db, repricesForSettings(result)) : [];
  return Response.json({ ...(await settingsJson(db)), repricing_jobs: jobs });
});
