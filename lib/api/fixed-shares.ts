import { z } from 'zod';
import { formatUnits, parseDecimal } from '../money';
import { numberToPlainDecimal, RATE_DECIMALS } from './config-fields';

/**
 * Percentages of a `fixed` split. They are summed exactly (in millionths of a percent), so
 * 33.333333 + 33.333333 + 33.333334 is 100 and 33.33 x 3 is not, whatever floats would say.
 */
const HUNDRED = 100n * 10n ** BigInt(RATE_DECIMALS);
const micros = (n: number) => parseDecimal(numberToPlainDecimal(n), RATE_DECIMALS);

export const percent = z
  .number({ error: 'must be a number (a percentage)' })
  .min(0, 'must be >= 0')
  .max(100, 'must be <= 100')
  .refine((n) => !/\.\d{7,}$/.test(numberToPlainDecimal(n)), `must have at most ${RATE_DECIMALS} decimals`);

/** Why these percentages cannot be a split, or null when they sum to exactly 100. */
export function sharesSumProblem(shares: Readonly<Record<string, number>>): string | null {
  const values = Object.values(shares);
  if (values.length === 0) return 'must give at least one team a percentage';
  const sum = values.reduce((total, v) => total + micros(v), 0n);
  if (sum === HUNDRED) return null;
  const shown = formatUnits(sum, RATE_DECIMALS, RATE_DECIMALS).replace(/\.?0+$/, '');
  return `percentages must sum to exactly 100; these sum to ${shown}`;
}
