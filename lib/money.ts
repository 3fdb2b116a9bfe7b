/**
 * Money in CUT is an integer count of pico-dollars (1e-12 USD) held in a bigint.
 * Prices are stored with 6 decimals per 1M tokens, so tokens x price is exact at this scale;
 * anything rounder (GPU-hours x rate, shares) rounds half-up to the pico-dollar once.
 */
export type Pico = bigint;

export const PICO_DIGITS = 12;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

// 10n ** n is worked out anew on every call, the largest part of parsing an amount: once per scale.
const powersOfTen: bigint[] = [];
const pow10 = (n: number): bigint => (powersOfTen[n] ??= 10n ** BigInt(n));

/** Parses a decimal string ("96.14", "0.000001") into pico-dollars; extra digits round half-up. */
export function parseDecimal(value: string, digits = PICO_DIGITS): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  const [, sign, whole, frac = ''] = m;
  let units = BigInt(whole! + frac.slice(0, digits).padEnd(digits, '0'));
  if (frac.length > digits && Number(frac[digits]) >= 5) units += 1n;
  return sign ? -units : units;
}

export const usdToPico = (usd: string): Pico => parseDecimal(usd, PICO_DIGITS);

/** Formats fixed-point units as a decimal string with exactly `decimals` places (half-up). */
export function formatUnits(units: bigint, digits: number, decimals: number): string {
  const negative = units < 0n;
  let abs = negative ? -units : units;
  if (decimals < digits) {
    const drop = pow10(digits - decimals);
    abs = (abs + drop / 2n) / drop;
  } else if (decimals > digits) {
    abs *= pow10(decimals - digits);
  }
  const s = abs.toString().padStart(decimals + 1, '0');
  const whole = s.slice(0, s.length - decimals);
  const frac = decimals > 0 ? `.${s.slice(s.length - decimals)}` : '';
  return `${negative && abs !== 0n ? '-' : ''}${whole}${frac}`;
}

/**
 * Fixed-point units as the shortest decimal string of the same value ("0.000085", "12", "-0.5"):
 * for COPY text into numeric columns, whose scale the column sets. PostgreSQL reads a number
 * with trailing zeros markedly slower, and ingest writes six amounts per event.
 */
export function exactDecimal(units: bigint, digits: number): string {
  if (units === 0n) return '0';
  const negative = units < 0n;
  const s = (negative ? -units : units).toString();
  const point = s.length - digits;
  // Trailing zeros of the fraction are the digits' own: cut there, with no padded copy made first.
  let end = s.length;
  while (end > point && end > 0 && s.charCodeAt(end - 1) === 48) end--;
  let text: string;
  if (point > 0) text = end === point ? s.slice(0, point) : `${s.slice(0, point)}.${s.slice(point, end)}`;
  else text = `0.${zeros(-point)}${s.slice(0, end)}`;
  return negative ? `-${text}` : text;
}

const zeroRuns: string[] = [];
const zeros = (n: number) => (zeroRuns[n] ??= '0'.repeat(n));

/** Pico-dollars as a USD decimal string; the API uses 6 decimals, storage uses all 12. */
export const picoToUsd = (pico: Pico, decimals = 6): string => formatUnits(pico, PICO_DIGITS, decimals);

/** Integer division rounding half away from zero, for splitting money by a ratio. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * Splits `total` over `weights` so the parts add up to `total` exactly (largest remainder).
 * Zero total weight yields all zeros except nothing is lost: the caller decides where it goes.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  let rest = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const step = rest >= 0n ? 1n : -1n;
  for (let k = 0; rest !== 0n; k = (k + 1) % order.length) {
    parts[order[k]!.i]! += step;
    rest -= step;
  }
  return parts;
}
