/**
 * Recurring invoices: a parent with `recurring` = N months and children pointing back through
 * `is_recurring_from`. The parent's total_cycles / last_recurring_date are only known once its
 * children exist, so they are set by UPDATE statements after the invoice phase.
 */
import { addMonths, isoDay } from './demo-calendar.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoRow } from './insert-statements.ts';
import type { BoundStatement } from './row-writer.ts';

interface Series {
  readonly parentId: number;
  readonly everyMonths: number;
  nextDay: number;
}

/** Tracks the open recurring series of every customer during the invoice phase. */
export class RecurringInvoices {
  private readonly open = new Map<number, Series>();
  private readonly cycles = new Map<number, { count: number; lastDay: number }>();

  /** The parent id if an invoice of `clientId` dated `day` is the next cycle of its series, else 0. */
  takeCycle(clientId: number, day: number): number {
    const series = this.open.get(clientId);
    if (series === undefined || day < series.nextDay) return 0;
    while (series.nextDay <= day) series.nextDay = addMonths(series.nextDay, series.everyMonths);
    const done = this.cycles.get(series.parentId) ?? { count: 0, lastDay: day };
    this.cycles.set(series.parentId, { count: done.count + 1, lastDay: day });
    return series.parentId;
  }

  /** Sometimes makes invoice `id` the parent of a new series; returns its recurring columns. */
  maybeStart(random: DemoRandom, id: number, clientId: number, day: number): DemoRow {
    if (this.open.has(clientId) || !random.chance(0.04))
      return { recurring: 0, custom_recurring: 0, recurring_type: null, cycles: 0 };
    const everyMonths = random.weighted([
      [1, 60],
      [3, 20],
      [6, 5],
      [12, 15],
    ] as const);
    this.open.set(clientId, { parentId: id, everyMonths, nextDay: addMonths(day, everyMonths) });
    return { recurring: everyMonths, custom_recurring: 0, recurring_type: null, cycles: 0 };
  }

  /** UPDATEs giving each parent its number of generated cycles and the date of the last one. */
  fixUps(): BoundStatement[] {
    return [...this.cycles].map(([parentId, { count, lastDay }]) => ({
      sql: 'UPDATE tblinvoices SET total_cycles = ?, last_recurring_date = ? WHERE id = ?',
      params: [count, isoDay(lastDay), parentId],
    }));
  }
}
