/**
 * A token expiry as people type it: a duration from now (`90m`, `12h`, `30d`, `8w`) or an ISO 8601
 * date or date-time (`2027-01-01`, `2027-01-01T18:00:00Z`). Shared by the CLI's `--expires` and the
 * admin API, so both accept the same forms.
 */
import { StoreInputError } from './store-errors.ts';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** The absolute ISO time `text` designates, relative to `now` for durations. */
export function parseExpires(text: string, now: Date): string {
  const trimmed = text.trim();
  const duration = /^(\d+)\s*([mhdw])$/i.exec(trimmed);
  if (duration !== null) {
    const amount = Number(duration[1]);
    const unit = UNIT_MS[(duration[2] as string).toLowerCase()] as number;
    if (amount === 0) throw new StoreInputError('expiresAt', `"${text}" is not in the future`);
    return new Date(now.getTime() + amount * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) {
    return new Date(Date.parse(trimmed)).toISOString();
  }
  throw new StoreInputError(
    'expiresAt',
    `"${text}" is not an expiry; use a duration (90m, 12h, 30d, 8w) or a date (2027-01-01, 2027-01-01T18:00:00Z)`,
  );
}
