/** What every generator receives: the seeded randomness, the clock, the counts and the writer. */
import type { DemoCounts } from './demo-counts.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoTimelines } from './demo-timelines.ts';
import type { IdAllocator } from './id-allocator.ts';
import type { RowWriter } from './row-writer.ts';

/** Shared context of one generation run. */
export interface DemoEnv {
  readonly seed: number;
  readonly random: DemoRandom;
  readonly counts: DemoCounts;
  /** "Today" for the demo, as a day number: nothing is dated after it. */
  readonly anchorDay: number;
  /** "Now" in unix seconds: 19:00 on the anchor day, after every generated office-hours time. */
  readonly now: number;
  /** When each kind of entity was created. */
  readonly timelines: DemoTimelines;
  readonly writer: RowWriter;
  readonly ids: IdAllocator;
}
