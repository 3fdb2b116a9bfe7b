'use server';

import { afterPricebookChange } from '@/app/api/v1/_config/after-change';
import { FixedCostBody, toFixedCostInput } from '@/app/api/v1/_config/fixed-cost-body';
import { createFixedCost, deleteFixedCost, replaceFixedCost } from '@/db/writes/fixed-costs';
import { toFixedCostJson } from '@/lib/api/pricebook-wire';
import { NotFoundError } from '@/lib/errors';
import { authorizeSettings } from './authorize';
import { attempt, validate } from './result';

const notFound = (id: number) => new NotFoundError(`no fixed cost with id ${id} (or it was deleted)`);

/** As POST /api/v1/fixed-costs: the days it covers are settled again. */
export async function createFixedCostAction(input: unknown) {
  const { db, actor } = await authorizeSettings('settings:write');
  const body = validate(FixedCostBody, input);
  if (!body.ok) return body.result;
  return attempt(async () => {
    const row = await createFixedCost(db, toFixedCostInput(body.value), actor);
    await afterPricebookChange(db, []);
    return toFixedCostJson(row);
  });
}

/** As PUT /api/v1/fixed-costs/{id}. */
export async function replaceFixedCostAction(id: number, input: unknown) {
  const { db, actor } = await authorizeSettings('settings:write');
  const body = validate(FixedCostBody, input);
  if (!body.ok) return body.result;
  return attempt(async () => {
    const row = await replaceFixedCost(db, id, toFixedCostInput(body.value), actor);
    if (!row) throw notFound(id);
    await afterPricebookChange(db, []);
    return toFixedCostJson(row);
  });
}

/** As DELETE /api/v1/fixed-costs/{id}: kept, marked deleted, for the audit trail. */
export async function deleteFixedCostAction(id: number) {
  const { db, actor } = await authorizeSettings('settings:write');
  return attempt(async () => {
    if (!(await deleteFixedCost(db, id, actor))) throw notFound(id);
    await afterPricebookChange(db, []);
    return { id };
  });
}
