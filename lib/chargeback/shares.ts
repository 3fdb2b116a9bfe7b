/**
 * Fixed percentages typed as text on the Teams page: "platform: 50, support: 30, legal-ops: 20".
 * Only the shape is checked here; the sum and the slugs are checked by the fixed-cost rules.
 */
export function parseShares(text: string): { shares: Record<string, number> } | { error: string } {
  const shares: Record<string, number> = {};
  const items = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { error: 'give each team a percentage, e.g. "platform: 60, support: 40"' };
  for (const item of items) {
    const m = /^([^:=\s]+)\s*[:=]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(item);
    if (!m) return { error: `cannot read ${JSON.stringify(item)}: write team: percent, e.g. "platform: 60"` };
    if (m[1]! in shares) return { error: `${m[1]} is given twice` };
    shares[m[1]!] = Number(m[2]);
  }
  return { shares };
}

/** The text form of a split, for the field's initial value. */
export const formatShares = (shares: Record<string, number> | null): string =>
  Object.entries(shares ?? {})
    .map(([team, pct]) => `${team}: ${pct}`)
    .join(', ');
