/**
 * JSON numbers that feed money (GPU-hours, reported cost) become decimal strings before anything
 * multiplies them. JavaScript prints tiny or huge numbers with an exponent ("1e-7"), so expand it.
 */
export function numberToDecimal(n: number, maxDecimals: number): string {
  if (!Number.isFinite(n)) throw new RangeError('not a finite number');
  const fixed = n.toFixed(Math.min(maxDecimals, 100));
  if (!fixed.includes('.')) return fixed;
  // Trailing zeros, then a bare point, go: by hand, as ingest calls this for every event.
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end -= 1;
  if (fixed.charCodeAt(end - 1) === 46) end -= 1;
  return fixed.slice(0, end);
}

const plainDecimals = new Map<string, RegExp>();

/** Whether a decimal string fits `maxWhole` integer digits and `maxDecimals` decimals, unsigned. */
export function isPlainDecimal(s: string, maxWhole: number, maxDecimals: number): boolean {
  // Ingest asks this per event: building the pattern once per shape keeps it off the hot path.
  const shape = `${maxWhole},${maxDecimals}`;
  let re = plainDecimals.get(shape);
  if (!re) plainDecimals.set(shape, (re = new RegExp(`^\\d{1,${maxWhole}}(\\.\\d{1,${maxDecimals}})?$`)));
  return re.test(s);
}
