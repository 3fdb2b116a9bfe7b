/**
 * Evaluates the static MUST / MUST NOT rules of the FOCUS 1.2 conformance model (focus/) against
 * a CSV export, the way a validator would: a rule applies when its applicability criteria are
 * among those CUT declares and its column is in the file; its requirement must hold on every row
 * where its condition holds. Composite, dynamic (prose-only) and SHOULD/MAY rules are skipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Row = Record<string, string | null>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the model is free-form JSON
type Check = Record<string, any>;

interface Rule {
  Function: string;
  Reference: string;
  EntityType: string;
  Type: 'Static' | 'Dynamic';
  ApplicabilityCriteria: string[];
  ValidationCriteria: { Keyword: string; MustSatisfy: string; Requirement: Check; Condition: Check };
}

const dir = path.join(import.meta.dirname, 'focus');
const model = JSON.parse(readFileSync(path.join(dir, 'model-1.2.json'), 'utf8')) as {
  ModelRules: Record<string, Rule>;
};
const currencies = new Set(
  readFileSync(path.join(dir, 'currency_codes.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1]?.trim())
    .filter(Boolean),
);

/** What CUT's export declares it supports (the model's applicability criteria). */
const CUT_SUPPORTS = new Set([
  'ACCOUNT_NAMING_SUPPORTED',
  'SUB_ACCOUNT_SUPPORTED',
  'USAGE_MEASUREMENT_SUPPORTED',
  'TAGGING_SUPPORTED',
  'BILLING_BASED_ON_PROVISIONED_RESOURCES_SUPPORTED',
  'RESOURCE_TYPE_ASSIGNMENT_SUPPORTED',
]);

/**
 * Rules whose static form in the model says more than the specification's text, so they cannot
 * be applied as written; each is checked by hand in the tests where it matters.
 */
const NOT_STATICALLY_DECIDABLE: Record<string, string> = {
  'EffectiveCost-C-005-C':
    'the text limits it to purchases that cover future charges (commitments); the model applies it to every Purchase',
  'ConsumedQuantity-C-006-C':
    'the text is "MUST NOT be null when ChargeClass is not Correction"; the model conditions it on ChargeClass = Correction',
};

const DECIMAL = /^-?(\d+)(\.\d+)?([eE][-+]?\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UNIT = /^(\d+ )?([A-Z][A-Za-z]*s?)(-[A-Z][A-Za-z]*s?)*(\/[A-Z][A-Za-z]*)?$/;

function keyValue(text: string | null): boolean {
  if (text === null) return true;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  } catch {
    return false;
  }
}

function same(cell: string | null, value: unknown): boolean {
  if (value === null) return cell === null;
  if (typeof value === 'number') return cell !== null && DECIMAL.test(cell) && Number(cell) === value;
  return cell === String(value);
}

class Evaluator {
  constructor(
    private readonly columns: readonly string[],
    private readonly rows: readonly Row[],
  ) {}

  private has = (col: string) => this.columns.includes(col);

  /** Whether `check` holds on `row` (dataset checks ignore the row). */
  holds(check: Check, row: Row): boolean {
    const v = (col: string) => row[col] ?? null;
    switch (check.CheckFunction) {
      case 'AND':
        return (check.Items as Check[]).every((c) => this.holds(c, row));
      case 'OR':
        return (check.Items as Check[]).some((c) => this.holds(c, row));
      case 'ColumnPresent':
        return this.has(check.ColumnName);
      case 'CheckValue':
        return same(v(check.ColumnName), check.Value);
      case 'CheckNotValue':
        return !same(v(check.ColumnName), check.Value);
      case 'CheckSameValue':
        return v(check.ColumnAName) === v(check.ColumnBName);
      case 'CheckNotSameValue':
        return v(check.ColumnAName) !== v(check.ColumnBName);
      case 'TypeString':
      case 'FormatString': {
        const cell = v(check.ColumnName);
        return cell === null || (cell.length > 0 && cell.trim() === cell);
      }
      case 'TypeDecimal':
      case 'FormatNumeric':
      case 'CheckDecimalValue': {
        const cell = v(check.ColumnName);
        return cell === null || DECIMAL.test(cell);
      }
      case 'TypeDateTime':
      case 'FormatDateTime': {
        const cell = v(check.ColumnName);
        return cell === null || (DATETIME.test(cell) && !Number.isNaN(Date.parse(cell)));
      }
      case 'FormatUnit': {
        const cell = v(check.ColumnName);
        return cell === null || UNIT.test(cell);
      }
      case 'FormatKeyValue':
        return keyValue(v(check.ColumnName));
      case 'FormatCurrency':
      case 'CheckNationalCurrency': {
        const cell = v(check.ColumnName);
        return cell === null || currencies.has(cell);
      }
      case 'CheckGreaterOrEqualThanValue': {
        const cell = v(check.ColumnName);
        return cell === null || Number(cell) >= Number(check.Value);
      }
      case 'ColumnByColumnEqualsColumnValue': {
        const [a, b, r] = [v(check.ColumnAName), v(check.ColumnBName), v(check.ResultColumnName)];
        return a === null || b === null || r === null || Math.abs(Number(a) * Number(b) - Number(r)) < 1e-6;
      }
      case 'CheckDistinctCount': {
        const byA = new Map<string | null, Set<string | null>>();
        for (const r of this.rows) {
          const set = byA.get(r[check.ColumnAName] ?? null) ?? new Set();
          set.add(r[check.ColumnBName] ?? null);
          byA.set(r[check.ColumnAName] ?? null, set);
        }
        return [...byA.values()].every((s) => s.size === Number(check.ExpectedCount));
      }
      case 'CheckModelRule':
        return this.ruleHolds(check.ModelRuleId, row);
      default:
        throw new Error(`check function not handled: ${String(check.CheckFunction)}`);
    }
  }

  /** A referenced rule as an item of another: true when it does not apply. */
  private ruleHolds(id: string, row: Row): boolean {
    const rule = model.ModelRules[id];
    if (!rule || !applies(rule, this.columns) || rule.Type !== 'Static') return true;
    const { Requirement, Condition } = rule.ValidationCriteria;
    if (!Requirement.CheckFunction) return true;
    if (Condition.CheckFunction && !this.holds(Condition, row)) return true;
    return this.holds(Requirement, row);
  }
}

function applies(rule: Rule, columns: readonly string[]): boolean {
  if (!rule.ApplicabilityCriteria.every((c) => CUT_SUPPORTS.has(c))) return false;
  // A column's own rules only bind a file that has the column (its presence rule says whether it must).
  return rule.EntityType !== 'Column' || columns.includes(rule.Reference);
}

export interface RuleFailure {
  id: string;
  text: string;
  /** how many rows broke it (0 for a dataset rule) */
  rows: number;
  example: Row | null;
}

/** Every applicable static MUST / MUST NOT rule the rows break, and how many rules were checked. */
export function checkFocusRules(
  columns: readonly string[],
  rows: readonly Row[],
): { checked: number; failures: RuleFailure[] } {
  const evaluator = new Evaluator(columns, rows);
  const failures: RuleFailure[] = [];
  let checked = 0;
  for (const [id, rule] of Object.entries(model.ModelRules)) {
    const { Keyword, Requirement, Condition, MustSatisfy } = rule.ValidationCriteria;
    if (rule.Type !== 'Static' || rule.Function === 'Composite') continue;
    if (Keyword !== 'MUST' && Keyword !== 'MUST NOT') continue;
    if (!Requirement.CheckFunction || id in NOT_STATICALLY_DECIDABLE || !applies(rule, columns)) continue;
    checked++;
    if (rule.Function === 'Presence') {
      if (!evaluator.holds(Requirement, {})) failures.push({ id, text: MustSatisfy, rows: 0, example: null });
      continue;
    }
    const broken = rows.filter(
      (row) => (!Condition.CheckFunction || evaluator.holds(Condition, row)) && !evaluator.holds(Requirement, row),
    );
    if (broken.length) failures.push({ id, text: MustSatisfy, rows: broken.length, example: broken[0]! });
  }
  return { checked, failures };
}

/** The model's mandatory columns (presence rules without applicability criteria). */
export function mandatoryColumns(): string[] {
  return Object.values(model.ModelRules)
    .filter(
      (r) =>
        r.Function === 'Presence' && r.ApplicabilityCriteria.length === 0 && r.ValidationCriteria.Keyword === 'MUST',
    )
    .map((r) => r.Reference)
    .sort();
}
