/**
 * Rounds parts of a whole to a coarser unit so the rounded parts add up to the rounded whole
 * (largest remainder): each part is its own value rounded down or up, never further off, and
 * "L1 + ... + L5 = TCO" still holds on the 6-decimal figures a reader adds up.
 */
export function roundParts(parts: readonly bigint[], unit: bigint): { parts: bigint[]; total: bigint } {
  const sum = parts.reduce((a, b) => a + b, 0n);
  const total = floorDiv(2n * sum + unit, 2n * unit); // half-up
  const floors = parts.map((p) => floorDiv(p, unit));
  let deficit = total - floors.reduce((a, b) => a + b, 0n);
  const order = parts
    .map((p, i) => ({ i, rem: p - floors[i]! * unit }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (deficit <= 0n) break;
    floors[i]! += 1n;
    deficit -= 1n;
  }
  return { parts: floors, total };
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}
