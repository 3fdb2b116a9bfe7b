/**
 * Rounds exact parts to a coarser unit (cents, micro-dollars) so that they add up to a given
 * rounded total exactly (largest remainder). Parts, unit, target and results share one scale
 * (pico-dollars); the target must be a multiple of the unit. Used top-down: the month total is rounded once,
 * the teams share it, each team's figure is shared by its layers. Parts may be negative
 * (corrections); every part ends within one unit of its exact value whenever the target is
 * within one unit per part of the exact sum, which rounding the exact sum guarantees.
 */
export function apportion(parts: readonly bigint[], unit: bigint, target: bigint): bigint[] {
  if (unit <= 0n) throw new RangeError('unit must be positive');
  if (target % unit !== 0n) throw new RangeError('the target must be a whole number of units');
  const floors = parts.map((p) => floorDiv(p, unit));
  let deficit = target / unit - floors.reduce((a, b) => a + b, 0n);
  if (parts.length === 0) {
    if (deficit !== 0n) throw new RangeError('cannot apportion a non-zero total over no parts');
    return [];
  }
  // Largest remainder first when adding units; smallest remainder first when taking them away.
  const order = parts
    .map((p, i) => ({ i, rem: p - floors[i]! * unit }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  if (deficit < 0n) order.reverse();
  const step = deficit > 0n ? 1n : -1n;
  for (let k = 0; deficit !== 0n; k = (k + 1) % order.length) {
    floors[order[k]!.i]! += step;
    deficit -= step;
  }
  return floors.map((f) => f * unit);
}

/** `value` rounded half away from zero to a multiple of `unit`. */
export function roundTo(value: bigint, unit: bigint): bigint {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const rounded = ((abs + unit / 2n) / unit) * unit;
  return negative ? -rounded : rounded;
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}
