/**
 * Undo steps for everything the bench creates (server process, database, temp folder), run in
 * reverse order on success, failure or Ctrl-C, so an interrupted run leaves nothing behind.
 */
type Step = { label: string; run: () => Promise<void> };

const steps: Step[] = [];
let running: Promise<void> | null = null;

/** Registers an undo step; the returned function runs it now (once) and unregisters it. */
export function onCleanup(label: string, run: () => Promise<void>): () => Promise<void> {
  const step = { label, run };
  steps.push(step);
  return async () => {
    const i = steps.indexOf(step);
    if (i < 0) return;
    steps.splice(i, 1);
    await run();
  };
}

/** Runs every remaining step, newest first; a failing step is reported and the others still run. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    while (steps.length) {
      const step = steps.pop()!;
      try {
        await step.run();
      } catch (err) {
        process.stderr.write(`bench: cleanup (${step.label}) failed: ${(err as Error).message}\n`);
      }
    }
  })();
  return running;
}

/** Ctrl-C or a kill: clean up, then exit 130. Repeated signals while cleaning are ignored. */
let caught = false;

/** Whether a signal is being handled: the run's own failures after it are only its echo. */
export const interrupted = () => caught;

/** Called between phases, so an interrupted run stops instead of starting its next phase. */
export function assertNotInterrupted(): void {
  if (caught) throw new Error('interrupted');
}

export function cleanupOnSignals(): void {
  const handler = (signal: NodeJS.Signals) => {
    if (caught) return;
    caught = true;
    process.stderr.write(`\nbench: ${signal}: cleaning up...\n`);
    void cleanupAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
