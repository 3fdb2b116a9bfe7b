/** "support=60, research=40" -> {support: 60, research: 40}; what cannot be read is passed on as is, for the server to name. */
export function parseShares(text: string): Record<string, number> | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const shares: Record<string, number> = {};
  for (const part of trimmed.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*([0-9.]+)\s*%?\s*$/.exec(part);
    if (!m) return trimmed;
    shares[m[1]!] = Number(m[2]);
  }
  return shares;
}

/** The reverse, to show a stored split in the form. */
export const formatShares = (shares: Record<string, number> | null): string =>
  shares
    ? Object.entries(shares)
        .map(([team, pct]) => `${team}=${pct}`)
        .join(', ')
    : '';
