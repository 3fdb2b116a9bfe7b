'use server';

import type { z } from 'zod';
import { afterPricebookChange } from '@/app/api/v1/_config/after-change';
import { FixedCostBody, toFixedCostInput } from '@/app/api/v1/_config/fixed-cost-body';
import { repricesForSettings } from '@/app/api/v1/_config/settings-reprices';
import { setTeamBudget } from '@/chargeback/budgets';
import { closeMonth } from '@/chargeback/close';
import { getDatabase } from '@/db/instance';
import { getFixedCost } from '@/db/queries/fixed-cost-list';
import { replaceFixedCost } from '@/db/writes/fixed-costs';
import { updateSettings } from '@/db/writes/update-settings';
import { createWebhook, deleteWebhook } from '@/db/writes/webhooks';
import { toFieldErrors } from '@/ingest/native/field-errors';
import { BudgetBody, WebhookBody } from '@/lib/api/budget-body';
import { parseShares } from '@/lib/chargeback/shares';
import { IDLE_POLICIES } from '@/lib/costing/pricebook';
import type { Permission } from '@/lib/access/roles';
import { ApiError } from '@/lib/errors';
import { dashboardActor } from './mutation-guard';

/**
 * Changes made from the Teams page. Each calls the same domain functions as the admin API, so
 * the same rules, audit and re-pricing apply; the caller is checked in mutation-guard.ts.
 */
export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

async function run(permission: Permission, work: (actor: string) => Promise<string>): Promise<ActionResult> {
  // outside the try: signed out or not allowed is Next's redirect or 403, not a failed save
  const actor = await dashboardActor(permission);
  try {
    return { ok: true, message: await work(actor) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.message };
    console.error('cut: a Teams page change failed:', err);
    return { ok: false, error: 'the change could not be saved; the server log says why' };
  }
}

class FieldsError extends ApiError {
  constructor(issues: readonly z.core.$ZodIssue[]) {
    super(
      400,
      'invalid_body',
      toFieldErrors(issues, 'form')
        .map((e) => `${e.path}: ${e.message}`)
        .join('; '),
    );
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new FieldsError(result.error.issues);
  return result.data;
}

export async function switchIdlePolicy(policy: string): Promise<ActionResult> {
  return run('settings:write', async (actor) => {
    if (!(IDLE_POLICIES as readonly string[]).includes(policy)) {
      throw new ApiError(400, 'invalid_body', `idle_policy: must be one of ${IDLE_POLICIES.join(', ')}`);
    }
    const db = await getDatabase();
    const result = await updateSettings(
      db,
      { settings: { idle_policy: policy as (typeof IDLE_POLICIES)[number] }, unitCosts: [] },
      actor,
    );
    await afterPricebookChange(db, repricesForSettings(result));
    return result.changed.idle_policy ? `Idle policy set to ${policy}` : `Idle policy was already ${policy}`;
  });
}

export interface RuleChange {
  id: number;
  rule: string;
  team?: string;
  workload_class?: string;
  /** "platform: 50, support: 30, legal-ops: 20" */
  fixed_shares?: string;
}

export async function changeFixedCostRule(change: RuleChange): Promise<ActionResult> {
  return run('settings:write', async (actor) => {
    const db = await getDatabase();
    const current = await getFixedCost(db, change.id);
    if (!current) throw new ApiError(404, 'not_found', `fixed cost ${change.id} no longer exists`);
    const shares = change.rule === 'fixed' ? parseShares(change.fixed_shares ?? '') : null;
    if (shares && 'error' in shares) throw new ApiError(400, 'invalid_body', `fixed_shares: ${shares.error}`);
    const body = parse(FixedCostBody, {
      name: current.name,
      layer: current.layer,
      category: current.category,
      monthly_usd: current.monthlyUsd,
      rule: change.rule,
      team: change.rule === 'assigned' ? change.team || null : null,
      workload_class: change.rule === 'assigned' ? change.workload_class || null : null,
      fixed_shares: shares ? shares.shares : null,
      effective_from: current.effectiveFrom,
      effective_to: current.effectiveTo,
    });
    await replaceFixedCost(db, change.id, toFixedCostInput(body), actor);
    await afterPricebookChange(db, []);
    return `${current.name}: rule set to ${change.rule}`;
  });
}

export async function saveBudget(input: {
  team: string;
  monthly_usd: string;
  from_month?: string;
}): Promise<ActionResult> {
  return run('finance:write', async (actor) => {
    const body = parse(BudgetBody, { monthly_usd: input.monthly_usd, from_month: input.from_month });
    const db = await getDatabase();
    const saved = await setTeamBudget(
      db,
      { team: input.team, monthlyUsd: body.monthly_usd, fromMonth: body.from_month },
      actor,
    );
    return `Budget of ${saved.team} set from ${saved.fromMonth}`;
  });
}

export async function removeBudget(team: string, fromMonth?: string): Promise<ActionResult> {
  return run('finance:write', async (actor) => {
    const db = await getDatabase();
    const saved = await setTeamBudget(db, { team, monthlyUsd: null, fromMonth }, actor);
    return `Budget of ${saved.team} removed from ${saved.fromMonth}`;
  });
}

export async function closeMonthFromPage(month: string): Promise<ActionResult> {
  return run('finance:write', async (actor) => {
    const db = await getDatabase();
    const result = await closeMonth(db, month, actor);
    return `${result.month} closed at ${result.tcoUsd} USD`;
  });
}

export async function addWebhook(input: { url: string; secret: string }): Promise<ActionResult> {
  return run('finance:write', async (actor) => {
    const body = parse(WebhookBody, { url: input.url, secret: input.secret === '' ? null : input.secret });
    const db = await getDatabase();
    await createWebhook(db, { url: body.url, secret: body.secret ?? null }, actor);
    return `Budget alerts will be sent to ${body.url}`;
  });
}

export async function removeWebhook(id: number): Promise<ActionResult> {
  return run('finance:write', async (actor) => {
    const db = await getDatabase();
    if (!(await deleteWebhook(db, id, actor))) throw new ApiError(404, 'not_found', `no webhook with id ${id}`);
    return 'Webhook removed';
  });
}
