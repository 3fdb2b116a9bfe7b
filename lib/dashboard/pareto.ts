/** A model (on a pool or a managed API) placed by its p95 latency and its CUT. */
export interface ParetoInput {
  name: string;
  latencyMs: number | null;
  cut: number | null;
}

export interface ParetoPoint {
  name: string;
  latencyMs: number;
  cut: number;
  /** no other option is at least as fast and as cheap, and strictly better in one */
  onFrontier: boolean;
}

/**
 * Marks the options nobody beats on both latency and cost per useful token: the choices worth
 * weighing against each other. Options missing either figure cannot be placed and are left out.
 */
export function paretoFrontier(inputs: readonly ParetoInput[]): ParetoPoint[] {
  const placed = inputs.filter(
    (p): p is { name: string; latencyMs: number; cut: number } => p.latencyMs !== null && p.cut !== null,
  );
  return placed.map((p) => ({
    name: p.name,
    latencyMs: p.latencyMs,
    cut: p.cut,
    onFrontier: !placed.some(
      (q) => q !== p && q.latencyMs <= p.latencyMs && q.cut <= p.cut && (q.latencyMs < p.latencyMs || q.cut < p.cut),
    ),
  }));
}
