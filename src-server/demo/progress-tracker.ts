/** Turns "one more batch written" into `onProgress(done, total, phase)` calls. */

/** The callback `createDemoDatabase` reports through. */
export type DemoProgressListener = (done: number, total: number, phase: string) => void;

/** Counts generated entities against the planned total, phase by phase. */
export class ProgressTracker {
  private done = 0;
  private phase = '';

  constructor(
    private readonly total: number,
    private readonly listener: DemoProgressListener | undefined,
  ) {}

  /** Announces a new phase (e.g. "invoices"). */
  startPhase(phase: string): void {
    this.phase = phase;
    this.emit();
  }

  /** Counts `units` more entities written. */
  advance(units: number): void {
    this.done = Math.min(this.total, this.done + units);
    this.emit();
  }

  /** Reports completion, whatever rounding left the count at. */
  finish(): void {
    this.done = this.total;
    this.phase = 'done';
    this.emit();
  }

  private emit(): void {
    this.listener?.(this.done, this.total, this.phase);
  }
}
