/** Times each pipeline stage of one request and renders them as a `Server-Timing` header (W3C). */
export class StageTimer {
  private readonly entries: { name: string; ms: number }[] = [];

  /** Runs a synchronous stage and records its duration. */
  time<T>(stage: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.record(stage, performance.now() - start);
    }
  }

  /** Runs an asynchronous stage and records its duration. */
  async timeAsync<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.record(stage, performance.now() - start);
    }
  }

  private record(name: string, ms: number): void {
    const existing = this.entries.find((e) => e.name === name);
    if (existing === undefined) this.entries.push({ name, ms });
    else existing.ms += ms;
  }

  /** `parse;dur=0.08, plan;dur=0.02, …` */
  header(): string {
    return this.entries.map((e) => `${e.name};dur=${e.ms.toFixed(2)}`).join(', ');
  }
}
