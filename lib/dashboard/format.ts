/**
 * Figures as people read them on the dashboards: the unit goes in the label ("USD per 1M useful
 * tokens"), the value carries only its symbol. Money arrives as decimal strings and is handed to
 * Intl as such, so no float sits between the API and the screen.
 */
const LOCALE = 'en-US';
type Decimal = `${number}`;

const usd2 = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const usdFixed = Array.from(
  { length: 7 },
  (_, d) =>
    new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: d,
      maximumFractionDigits: d,
    }),
);
const usdPrice = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});
const plain2 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
});
const signedPercent = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const int = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

export const NONE = '—';

/** "$1,234.57"; an amount under a dollar keeps three significant digits ("$0.300", "$0.0123"). */
export function usd(decimal: string | null): string {
  if (decimal === null) return NONE;
  const magnitude = Math.abs(Number(decimal));
  if (magnitude === 0 || magnitude >= 1) return usd2.format(decimal as Decimal);
  const decimals = Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(magnitude))));
  return usdFixed[decimals]!.format(decimal as Decimal);
}

/** A price as entered, every significant decimal kept: "$0.075", "$15.00". */
export const price = (decimal: string | null): string =>
  decimal === null ? NONE : usdPrice.format(decimal as Decimal);

/** A signed amount for deltas: "+$12.30", "−$4.10". */
export function signedUsd(decimal: string): string {
  const negative = decimal.startsWith('-');
  const abs = negative ? decimal.slice(1) : decimal;
  if (Number(abs) === 0) return usd2.format(0);
  return `${negative ? '−' : '+'}${usd(abs)}`;
}

/** CUT in micro-dollars per token: the same number as USD per 1M tokens, written "400.58 µ$". */
export const microUsd = (decimal: string | null): string =>
  decimal === null ? NONE : `${plain2.format(decimal as Decimal)} µ$`;

/** A rate in 0..1 as "78.4%". */
export const rate = (value: number | null): string => (value === null ? NONE : percent1.format(value));

/** A relative change as "+12.3%" or "−4%" (a true minus sign); null (no baseline) as a dash. */
export const change = (value: number | null): string =>
  value === null ? NONE : signedPercent.format(value).replace('-', '−');

/** A change in a rate, in percentage points: "+2.1 pp". */
export function pointsChange(value: number | null): string {
  if (value === null) return NONE;
  const pp = value * 100;
  const text = oneDecimal.format(Math.abs(pp));
  return text === '0' ? '0 pp' : `${pp > 0 ? '+' : '−'}${text} pp`;
}

/** Latency: "850 ms" below ten seconds, "12.4 s" above. */
export function ms(value: number | null): string {
  if (value === null) return NONE;
  return value < 10_000 ? `${int.format(value)} ms` : `${oneDecimal.format(value / 1000)} s`;
}

export const count = (value: number | null): string => (value === null ? NONE : int.format(value));

export const hours = (value: number | null): string => (value === null ? NONE : `${oneDecimal.format(value)} h`);

/** Tokens per request, rounded: "1,873 tokens". */
export const tokens = (value: number | null): string => (value === null ? NONE : `${int.format(value)} tokens`);

/** "USD per resolved ticket", from a workload class's unit of accepted work. */
export const perUnitLabel = (unit: string): string => `USD per ${unit}`;
