/**
 * JSON numbers that feed money (GPU-hours, reported cost) become decimal strings before anything
 * multiplies them. JavaScript prints tiny or huge numbers with an exponent ("1e-7"), so expand it.
 */
export function numberToDecimal(n: number, maxDecimals: number): string {
  if (!Number.isFinite(n)) throw new RangeError('not a finite number');
  const fixed = n.toFixed(Math.min(maxDecimals, 100));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** Whether a decimal string fits `maxWhole` integer digits and `maxDecimals` decimals, unsigned. */
export const isPlainDecimal = (s: string, maxWhole: number, maxDecimals: number) =>
  new RegExp(`^\\d{1,${maxWhole}}(\\.\\d{1,${maxDecimals}})?$`).test(s);
