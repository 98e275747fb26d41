/**
 * The log screen's filters as plain data and their query string for `GET /admin/api/logs`
 * (status class or exact status, token id, resource as a path prefix, time range).
 */
export interface LogFilters {
  /** '' | '2xx' | '3xx' | '4xx' | '5xx' */
  readonly statusClass: string;
  /** Exact status, '' = any. */
  readonly status: string;
  /** Token id, '' = any. */
  readonly token: string;
  /** Resource name: entries whose path starts with `/api/v1/<resource>`. */
  readonly resource: string;
  /** `datetime-local` values (local time), '' = open. */
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: LogFilters = { statusClass: '', status: '', token: '', resource: '', from: '', to: '' };

function isoOf(local: string): string | null {
  if (local === '') return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** `status_class=4xx&token=…` (without `?`); unset filters are left out. */
export function filterQuery(filters: LogFilters): string {
  const params = new URLSearchParams();
  // A status is used once it has its three digits, so typing "4" does not ask for an invalid one.
  if (/^[1-5]\d\d$/.test(filters.status.trim())) params.set('status', filters.status.trim());
  else if (filters.statusClass !== '') params.set('status_class', filters.statusClass);
  if (filters.token !== '') params.set('token', filters.token);
  // `/api/v1/invoices` also matches `/api/v1/invoices_archive`; the exact resource and its subpaths
  // would need two prefixes, and a near-name resource is rare enough to accept the overlap.
  if (filters.resource !== '') params.set('path', `/api/v1/${filters.resource}`);
  const from = isoOf(filters.from);
  const to = isoOf(filters.to);
  if (from !== null) params.set('from', from);
  if (to !== null) params.set('to', to);
  return params.toString();
}

export function hasFilters(filters: LogFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}
