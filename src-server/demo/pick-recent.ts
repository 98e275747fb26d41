/** Picks an entity that existed on a given day, preferring recent ones, from its timeline alone. */
import type { DemoCounts } from './demo-counts.ts';
import type { DemoEnv } from './demo-env.ts';

/**
 * The id of a `kind` entity created on or before `day`, within the last `windowDays` when there
 * is one, or 0 when none existed yet.
 */
export function pickRecent(env: DemoEnv, kind: keyof DemoCounts, day: number, windowDays: number): number {
  const timeline = env.timelines[kind];
  const newest = timeline.countUpTo(day);
  if (newest === 0) return 0;
  const oldest = Math.min(newest, timeline.countUpTo(day - windowDays) + 1);
  return env.random.int(oldest, newest);
}
