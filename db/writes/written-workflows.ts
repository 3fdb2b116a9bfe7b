import type { WorkflowDelta } from '../../lib/rollup/aggregate';

/**
 * The workflows this process wrote lately, by team and id. A merge COPYs the workflows not among
 * them straight into `workflows` (nearly all of a fold's workflows are new), which costs much less
 * than upserting them, and upserts only the rest. It is a guess, never trusted: a workflow written
 * elsewhere (by another process, before a restart, or too long ago to be remembered) fails that
 * COPY on its key, and the merge then upserts them all.
 */
const GENERATION = 20_000;
let current = new Map<string, Set<string>>();
let previous = new Map<string, Set<string>>();
let remembered = 0;

export const wasWritten = (team: string, id: string): boolean =>
  current.get(team)?.has(id) === true || previous.get(team)?.has(id) === true;

/** Remembers `workflows` as written: the older generation is let go once this one is full. */
export function rememberWritten(workflows: readonly WorkflowDelta[]): void {
  for (const w of workflows) {
    if (remembered >= GENERATION) {
      previous = current;
      current = new Map();
      remembered = 0;
    }
    let ids = current.get(w.team);
    if (!ids) current.set(w.team, (ids = new Set()));
    if (ids.has(w.workflowId)) continue;
    ids.add(w.workflowId);
    remembered++;
  }
}

/** Forgets every workflow, as a restarted process would have: for tests of the upsert path. */
export function forgetWrittenWorkflows(): void {
  current = new Map();
  previous = new Map();
  remembered = 0;
  backoff = 0;
  skipping = 0;
}

/**
 * Folds to skip the direct COPY for after it met a stored workflow: doubled at each failure in a
 * row (up to MAX_BACKOFF), so a workload whose workflows outlive the memory pays for the failed
 * COPY rarely, not on every fold.
 */
const MAX_BACKOFF = 64;
let backoff = 0;
let skipping = 0;

/** Whether this merge should try the direct COPY (false while backing off after a failure). */
export function tryDirectCopy(): boolean {
  if (skipping === 0) return true;
  skipping--;
  return false;
}

/** Records how the direct COPY went. */
export function directCopyWent(succeeded: boolean): void {
  backoff = succeeded ? 0 : Math.min(MAX_BACKOFF, Math.max(1, backoff * 2));
  skipping = backoff;
}
