/**
 * "Acceptance rate +x points" as specific workflows whose verdict flips, so their own useful
 * tokens and rows move with them rather than an average. Rules (docs/decisions.md):
 * - the rate is over decided workflows (accepted + rejected); pending ones stay pending;
 * - target accepted = accepted + x% of decided (half-up), kept within 0..decided;
 * - the flipped ones are spread evenly through the list in its given order (day, team, id), so
 *   every part of the period moves alike.
 */
import { divRound } from '../money';
import { BP } from './changes';
import { workflowKey, type WorkflowFact } from './ledger';

/** Indexes of `k` items spread evenly over `n` (k <= n): i is taken when floor((i+1)k/n) steps up. */
export function spread(n: number, k: number): number[] {
  const taken: number[] = [];
  if (k <= 0 || n <= 0) return taken;
  for (let i = 0; i < n; i++) if (Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n)) taken.push(i);
  return taken;
}

export function acceptanceFlips(
  workflows: readonly WorkflowFact[],
  pointsBp: number,
): Map<string, 'accepted' | 'rejected'> {
  const flips = new Map<string, 'accepted' | 'rejected'>();
  if (pointsBp === 0) return flips;
  const accepted = workflows.filter((w) => w.status === 'accepted');
  const rejected = workflows.filter((w) => w.status === 'rejected');
  const decided = accepted.length + rejected.length;
  const moved = Number(divRound(BigInt(pointsBp) * BigInt(decided), BigInt(BP)));
  const target = Math.min(decided, Math.max(0, accepted.length + moved));
  const [from, to] = target > accepted.length ? [rejected, 'accepted' as const] : [accepted, 'rejected' as const];
  for (const i of spread(from.length, Math.abs(target - accepted.length))) {
    const w = from[i]!;
    flips.set(workflowKey(w.team, w.workflowId), to);
  }
  return flips;
}
