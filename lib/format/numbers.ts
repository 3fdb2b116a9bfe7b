/**
 * Display formatting, the last step before a person reads a figure. Money arrives as decimal
 * strings and Intl formats those exactly (no float in between); charts hand in plain numbers.
 * The locale is fixed so the server render and the browser agree.
 */
const LOCALE = 'en-US';

const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const usdSmall = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  maximumSignificantDigits: 3,
});
const usdCompact = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumSignificantDigits: 3,
});
const countCompact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumSignificantDigits: 3 });

type Decimal = `${number}`;

/** "$1,234.57" from "1234.567000". */
export const formatUsd = (decimal: string): string => usd.format(decimal as Decimal);

/** For unit costs, which are usually fractions of a cent: "$0.00234" keeps 3 significant digits. */
export function formatUsdUnit(decimal: string): string {
  const magnitude = Math.abs(Number(decimal));
  return magnitude === 0 || magnitude >= 1 ? formatUsd(decimal) : usdSmall.format(decimal as Decimal);
}

/** Axis ticks and tooltips, to 3 significant digits so neighbouring ticks stay distinct: "$1.95K". */
export const formatUsdCompact = (value: number): string => usdCompact.format(value);

export const formatCountCompact = (value: number): string => countCompact.format(value);
