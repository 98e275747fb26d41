/**
 * When each kind of entity was created: a window before the anchor date and a growth factor
 * (see Timeline). Ids grow with dates, as they do in a real Perfex install.
 */
import { Timeline } from './demo-calendar.ts';
import type { DemoCounts } from './demo-counts.ts';

/** A timeline per entity kind. */
export type DemoTimelines = Readonly<Record<keyof DemoCounts, Timeline>>;

const YEAR = 365;

// [first day (days before the anchor), last day (days before the anchor), growth]
const WINDOWS: Readonly<Record<keyof DemoCounts, readonly [number, number, number]>> = {
  staff: [6 * YEAR, 30, 1],
  clients: [5 * YEAR, 10, 1.3],
  leads: [5 * YEAR, 0, 1.5],
  projects: [4 * YEAR, 5, 1.3],
  subscriptions: [3 * YEAR, 15, 1.2],
  contracts: [4 * YEAR, 0, 1.3],
  invoices: [4 * YEAR, 0, 1.5],
  estimates: [4 * YEAR, 0, 1.5],
  proposals: [4 * YEAR, 0, 1.4],
  creditNotes: [4 * YEAR, 5, 1.3],
  expenses: [4 * YEAR, 0, 1.3],
  tickets: [4 * YEAR, 0, 1.6],
  tasks: [4 * YEAR, 0, 1.5],
  notes: [4 * YEAR, 0, 1.5],
  activityLog: [3 * YEAR, 0, 1.5],
};

/** The timeline of every entity kind for these counts and anchor day. */
export function demoTimelines(counts: DemoCounts, anchorDay: number): DemoTimelines {
  const entries = Object.entries(WINDOWS).map(([kind, [from, to, growth]]) => [
    kind,
    new Timeline(counts[kind as keyof DemoCounts], anchorDay - from, anchorDay - to, growth),
  ]);
  return Object.fromEntries(entries) as DemoTimelines;
}
