/**
 * A one-line progress bar on stderr. It redraws at most ten times a second and stays silent when
 * stderr is not a terminal, so logs and CI output only get the final summary.
 */
const WIDTH = 30;
const REDRAW_MS = 100;

export class ProgressBar {
  private readonly started = performance.now();
  // The first draw waits one interval, so the rate shown is not a start-up artefact.
  private lastDraw = this.started;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(out.isTTY) && total > 0;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS && done < this.total) return;
    this.lastDraw = now;
    const ratio = Math.min(1, done / this.total);
    const filled = Math.round(ratio * WIDTH);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((this.total - done) / rate) : 0;
    const line =
      `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ` +
      `${fmt(done)}/${fmt(this.total)} ${this.unit}  ${fmt(Math.round(rate))}/s  ETA ${eta}s`;
    this.out.write(`\r${line}\x1b[K`);
  }

  /** Clears the bar so the next line starts clean. */
  done(): void {
    if (this.enabled) this.out.write('\r\x1b[K');
  }
}

export const fmt = (n: number): string => n.toLocaleString('en-US');
