'use client';

import { useId, useState } from 'react';
import type { ChargebackJson } from '@/lib/api/chargeback-wire';
import { formatShares } from '@/lib/chargeback/shares';
import { ALLOCATION_RULES } from '@/lib/costing/pricebook';
import { changeFixedCostRule, switchIdlePolicy } from './actions';
import { ActionStatusLine, buttonClass, inputClass, panelClass, secondaryButtonClass } from './action-status';
import { money } from './format';
import { usePageAction } from './use-page-action';

type FixedCost = ChargebackJson['policies']['fixed_costs'][number];

const RULE_LABELS: Record<(typeof ALLOCATION_RULES)[number], string> = {
  assigned: 'Assigned to a team or class',
  weighted: 'Shared by direct cost',
  even: 'Shared evenly over active teams',
  fixed: 'Fixed percentages',
  requests: 'By requests',
  output_tokens: 'By output tokens',
  accepted_workflows: 'By accepted workflows',
};

function RuleEditor({ cost, teams, onClose }: { cost: FixedCost; teams: string[]; onClose: () => void }) {
  const id = useId();
  const [rule, setRule] = useState<string>(cost.rule);
  const { pending, status, run } = usePageAction();
  return (
    <form
      aria-label={`Split rule of ${cost.name}`}
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        run(
          () =>
            changeFixedCostRule({
              id: cost.id,
              rule,
              team: String(form.get('team') ?? ''),
              workload_class: String(form.get('workload_class') ?? ''),
              fixed_shares: String(form.get('fixed_shares') ?? ''),
            }),
          onClose,
        );
      }}
    >
      <label className="flex flex-col text-tremor-label" htmlFor={`${id}-rule`}>
        Rule
        <select id={`${id}-rule`} value={rule} onChange={(e) => setRule(e.target.value)} className={inputClass}>
          {ALLOCATION_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {rule === 'assigned' ? (
        <>
          <label className="flex flex-col text-tremor-label" htmlFor={`${id}-team`}>
            Team
            <select id={`${id}-team`} name="team" defaultValue={cost.team ?? ''} className={inputClass}>
              <option value="">(any team)</option>
              {teams.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-tremor-label" htmlFor={`${id}-class`}>
            Workload class
            <input
              id={`${id}-class`}
              name="workload_class"
              defaultValue={cost.workload_class ?? ''}
              placeholder="(any class)"
              className={inputClass}
            />
          </label>
        </>
      ) : null}
      {rule === 'fixed' ? (
        <label className="flex grow flex-col text-tremor-label" htmlFor={`${id}-shares`}>
          Percent per team (must sum to 100)
          <input
            id={`${id}-shares`}
            name="fixed_shares"
            defaultValue={formatShares(cost.fixed_shares)}
            placeholder="platform: 60, support: 40"
            className={inputClass}
          />
        </label>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Applying…' : 'Apply'}
      </button>
      <button type="button" onClick={onClose} className={secondaryButtonClass}>
        Cancel
      </button>
      <div className="basis-full">
        <ActionStatusLine status={status} />
      </div>
    </form>
  );
}

function IdlePolicySwitch({ current }: { current: 'share' | 'separate' }) {
  const { pending, status, run } = usePageAction();
  const [choice, setChoice] = useState(current);
  return (
    <form
      aria-label="Idle capacity policy"
      className="mt-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => switchIdlePolicy(choice));
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="sr-only">Idle GPU capacity</legend>
        {(
          [
            ['share', "Share over each pool's users"],
            ['separate', 'Keep on the unallocated line'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="inline-flex items-center gap-2 text-tremor-default">
            <input
              type="radio"
              name="idle_policy"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {label}
          </label>
        ))}
        <button type="submit" disabled={pending || choice === current} className={buttonClass}>
          {pending ? 'Re-allocating…' : 'Apply'}
        </button>
      </fieldset>
      <ActionStatusLine status={status} />
    </form>
  );
}

/** The policies behind the figures, printed; on an open month an admin (settings:write) can change them here. */
export function PoliciesPanel({
  body,
  teams,
  nextOpenMonth,
  canEdit,
}: {
  body: ChargebackJson;
  teams: string[];
  nextOpenMonth: string | null;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const open = body.status === 'open';
  const editable = open && canEdit;
  const p = body.policies;
  return (
    <section aria-labelledby="policies-heading" className={panelClass} data-testid="policies">
      <h2 id="policies-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
        Policies in force
      </h2>
      {open ? null : (
        <p className="mt-1 text-tremor-label">
          As frozen when the month was closed. A change now moves only open months; what it would move here shows up as
          a correction{nextOpenMonth ? ` in ${nextOpenMonth}` : ''}.
        </p>
      )}
      <p className="mt-3 text-tremor-default" data-testid="idle-policy">
        <span className="font-medium text-tremor-content-emphasis">Idle GPU capacity:</span> {p.idle_policy_text} (
        <code>{p.idle_policy}</code>).
      </p>
      {editable ? <IdlePolicySwitch key={p.idle_policy} current={p.idle_policy} /> : null}
      <h3 className="mt-5 text-tremor-default font-medium text-tremor-content-emphasis">Fixed costs and their split</h3>
      {p.fixed_costs.length === 0 ? (
        <p className="mt-1 text-tremor-label">
          No fixed costs in this month. Add them with <code>POST /api/v1/fixed-costs</code>.
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-tremor-border-default">
          {p.fixed_costs.map((cost) => (
            <li key={cost.id} className="py-2 text-tremor-default">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span>
                  <span className="font-medium text-tremor-content-strong">{cost.name}</span>{' '}
                  <span className="text-tremor-label">
                    L{cost.layer} · {money(cost.monthly_usd)}/month
                  </span>
                  <br />
                  <span className="text-tremor-label" data-testid={`rule-${cost.id}`}>
                    {cost.text}
                  </span>
                </span>
                {editable && editing !== cost.id ? (
                  <button
                    type="button"
                    onClick={() => setEditing(cost.id)}
                    className={secondaryButtonClass}
                    aria-label={`Change the split rule of ${cost.name}`}
                  >
                    Change
                  </button>
                ) : null}
              </div>
              {editing === cost.id ? <RuleEditor cost={cost} teams={teams} onClose={() => setEditing(null)} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
