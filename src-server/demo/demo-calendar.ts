/**
 * Day arithmetic around the demo's fixed "today" (the anchor date). Everything is UTC and
 * integer days since 1970-01-01, so the same seed gives the same dates on any machine, any day.
 */

const SECONDS_PER_DAY = 86_400;

/** MySQL's zero date, which old Perfex rows hold in some nullable date columns (SQLite keeps the same text). */
export const ZERO_DATE = '0000-00-00';

/** Days since 1970-01-01 for a `YYYY-MM-DD` string. */
export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new Error(`"${iso}" is not a YYYY-MM-DD date`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`"${iso}" is not a valid date`);
  return ms / 86_400_000;
}

/** `YYYY-MM-DD` for a day number (MySQL `date`). */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` for a unix time in seconds (MySQL `datetime`). */
export function isoDateTime(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Unix seconds at `secondOfDay` on `day`. */
export function atTime(day: number, secondOfDay: number): number {
  return day * SECONDS_PER_DAY + secondOfDay;
}

/** The day of a unix time in seconds. */
export function dayOfTime(seconds: number): number {
  return Math.floor(seconds / SECONDS_PER_DAY);
}

/** Adds whole months, clamping the day of month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / 86_400_000;
}

/**
 * Spreads `count` entities over [startDay, endDay] so that entity ids grow with their dates, as
 * Perfex's AUTO_INCREMENT ids do. With `growth` > 1 the business gets busier over time (density
 * rises towards the end). Being a pure function of the id, any generator can tell roughly when
 * entity #n was created without keeping it in memory.
 */
export class Timeline {
  constructor(
    readonly count: number,
    readonly startDay: number,
    readonly endDay: number,
    readonly growth = 1,
  ) {}

  /** The day entity `id` (1-based) was created. */
  dayOf(id: number): number {
    const fraction = Math.pow((id - 0.5) / this.count, 1 / this.growth);
    return this.startDay + Math.floor((this.endDay - this.startDay) * fraction);
  }

  /** How many entities exist on `day` (the ids 1..n created on or before it). */
  countUpTo(day: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.dayOf(mid) <= day) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
