'use client';

import { useState, type FormEvent } from 'react';
import { Panel } from '@/components/panel';
import * as f from '@/lib/dashboard/format';
import { formatShares, parseShares } from '@/lib/dashboard/shares-text';
import { createFixedCostAction, deleteFixedCostAction, replaceFixedCostAction } from './actions/fixed-costs';
import {
  Field,
  FormMessage,
  inputClass,
  optional,
  Options,
  secondaryButton,
  TableHead,
  text,
  useSettingsAction,
  DecimalField,
  FormActions,
} from './form-bits';
import type { SettingsPageData } from './settings-data';

type FixedCost = SettingsPageData['fixed_costs'][number];
const LAYERS = { 2: 'L2 serving infrastructure', 4: 'L4 orchestration & QC', 5: 'L5 operations & governance' } as const;
const RULES = {
  weighted: 'Shared by direct cost',
  even: 'Shared evenly by active teams',
  fixed: 'Fixed percentages per team',
  requests: 'Shared by requests',
  output_tokens: 'Shared by output tokens',
  accepted_workflows: 'Shared by accepted workflows',
  assigned: 'Assigned to one team',
} as const;

function ruleText(c: FixedCost): string {
  if (c.rule === 'assigned') return `Assigned to ${[c.team, c.workload_class].filter(Boolean).join(' / ')}`;
  if (c.rule === 'fixed') return `Fixed: ${formatShares(c.fixed_shares)}`;
  return RULES[c.rule as keyof typeof RULES] ?? c.rule;
}

export function FixedCostsSection({ costs, teams }: { costs: readonly FixedCost[]; teams: SettingsPageData['teams'] }) {
  const [editing, setEditing] = useState<FixedCost | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useSettingsAction(createFixedCostAction);
  const replace = useSettingsAction((input: { id: number; body: unknown }) =>
    replaceFixedCostAction(input.id, input.body),
  );
  const remove = useSettingsAction(deleteFixedCostAction);
  const action = editing ? replace : create;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rule = text(form.get('rule'));
    const body = {
      name: text(form.get('name')),
      layer: Number(text(form.get('layer'))),
      category: text(form.get('category')),
      monthly_usd: text(form.get('monthly_usd')),
      rule,
      team: rule === 'assigned' ? optional(form.get('team')) : undefined,
      workload_class: rule === 'assigned' ? optional(form.get('workload_class')) : undefined,
      fixed_shares: rule === 'fixed' ? parseShares(text(form.get('fixed_shares'))) : undefined,
      effective_from: text(form.get('effective_from')),
      effective_to: optional(form.get('effective_to')) ?? null,
    };
    if (editing)
      replace.run({ id: editing.id, body }, (r) => `Replaced “${r.name}”; its days are being settled again.`);
    else create.run(body, (r) => `Added “${r.name}”; its days are being settled again.`);
  }
  const reset = () => (setEditing(null), setFormKey((k) => k + 1));

  return (
    <div className="space-y-6">
      <Panel
        title="Fixed costs"
        description="Monthly amounts on layer 2, 4 or 5, prorated by day and placed by their allocation rule. Cost no rule can place lands on __unallocated__."
        testId="fixed-costs"
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-tremor-default">
            <caption className="sr-only">Fixed costs and their allocation rules</caption>
            <TableHead columns={['Name', 'Layer', { label: 'USD per month', right: true }, 'Allocation', 'Dates']} />
            <tbody>
              {costs.map((c) => (
                <tr key={c.id} className="border-b border-tremor-border-default last:border-0">
                  <th scope="row" className="px-2 py-2 font-medium text-tremor-content-strong">
                    {c.name}
                    <span className="block text-tremor-label font-normal text-tremor-content-default">
                      {c.category}
                    </span>
                  </th>
                  <td className="px-2 py-2">{LAYERS[c.layer as keyof typeof LAYERS] ?? `L${c.layer}`}</td>
                  <td className="px-2 py-2 text-right tabular-nums">{f.usd(c.monthly_usd)}</td>
                  <td className="px-2 py-2">{ruleText(c)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">
                    {c.effective_from} → {c.effective_to ?? 'open'}
                  </td>
                  <td className="space-x-1 whitespace-nowrap px-2 py-2 text-right">
                    <button
                      type="button"
                      className={secondaryButton}
                      aria-label={`Edit ${c.name}`}
                      onClick={() => (setEditing(c), setFormKey((k) => k + 1))}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className={secondaryButton}
                      aria-label={`Delete ${c.name}`}
                      disabled={remove.pending}
                      onClick={() =>
                        window.confirm(`Delete “${c.name}”? Its days are settled again without it.`) &&
                        remove.run(c.id, () => `Deleted “${c.name}”.`)
                      }
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-2">
          <FormMessage error={remove.error} done={remove.done} />
        </div>
      </Panel>

      <Panel title={editing ? `Edit “${editing.name}”` : 'Add a fixed cost'} testId="fixed-cost-form-panel">
        <form key={formKey} onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Name" name="name" error={action.fields.name}>
            {(p) => <input {...p} className={inputClass} defaultValue={editing?.name ?? ''} />}
          </Field>
          <Field label="Layer" name="layer" error={action.fields.layer}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={editing?.layer ?? 5}>
                <Options of={LAYERS} />
              </select>
            )}
          </Field>
          <Field
            label="Category"
            name="category"
            error={action.fields.category}
            hint="network, storage, observability, audit…"
          >
            {(p) => <input {...p} className={inputClass} defaultValue={editing?.category ?? ''} />}
          </Field>
          <DecimalField
            label="USD per month"
            name="monthly_usd"
            error={action.fields.monthly_usd}
            defaultValue={editing?.monthly_usd ?? ''}
          />
          <Field label="Allocation rule" name="rule" error={action.fields.rule}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={editing?.rule ?? 'weighted'}>
                <Options of={RULES} />
              </select>
            )}
          </Field>
          <Field label="Team (rule: assigned)" name="team" error={action.fields.team}>
            {(p) => (
              <select {...p} className={inputClass} defaultValue={editing?.team ?? ''}>
                <option value="">—</option>
                {teams.map((t) => (
                  <option key={t.slug} value={t.slug}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Workload class (rule: assigned, optional)"
            name="workload_class"
            error={action.fields.workload_class}
          >
            {(p) => <input {...p} className={inputClass} defaultValue={editing?.workload_class ?? ''} />}
          </Field>
          <Field
            label="Percentages (rule: fixed)"
            name="fixed_shares"
            error={action.fields.fixed_shares}
            hint="support=60, research=40"
          >
            {(p) => <input {...p} className={inputClass} defaultValue={formatShares(editing?.fixed_shares ?? null)} />}
          </Field>
          <Field label="Effective from" name="effective_from" error={action.fields.effective_from}>
            {(p) => (
              <input
                {...p}
                type="date"
                className={inputClass}
                defaultValue={editing?.effective_from ?? new Date().toISOString().slice(0, 8) + '01'}
              />
            )}
          </Field>
          <Field label="Effective to (optional)" name="effective_to" error={action.fields.effective_to}>
            {(p) => <input {...p} type="date" className={inputClass} defaultValue={editing?.effective_to ?? ''} />}
          </Field>
          <FormActions action={action} label={editing ? 'Save changes' : 'Add fixed cost'} wide>
            {editing ? (
              <button type="button" className={secondaryButton} onClick={reset}>
                Cancel
              </button>
            ) : null}
          </FormActions>
        </form>
      </Panel>
    </div>
  );
}
