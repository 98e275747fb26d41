/**
 * The list envelope: `data`, `meta { total, page, per_page, total_pages }` and HATEOAS `links`
 * that keep every other query parameter of the request (filters, sort, fields…).
 */
import type { Row } from '../db/driver.ts';
import type { ListPlan } from '../plan/plan-read.ts';
import { serializeRow } from './serialize-row.ts';

export interface ListEnvelope {
  readonly data: readonly Record<string, unknown>[];
  readonly meta: Readonly<Record<string, unknown>>;
  readonly links: Readonly<Record<string, string>>;
}

/** The URL of `page` with every other parameter of `requestUrl` preserved. */
export function pageUrl(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** The request URL with its query re-serialised, so `self` is encoded like the other links. */
function normalisedUrl(requestUrl: URL): string {
  const url = new URL(requestUrl);
  url.search = url.searchParams.toString();
  return url.toString();
}

/**
 * Builds the envelope. `rows` may hold one row beyond the page (count=none probes the next page).
 * `serialize` writes one row (by default its fields; with includes, the embedded relations too).
 */
export function listEnvelope(
  plan: Pick<ListPlan, 'fields' | 'page' | 'perPage' | 'sinceColumn'>,
  rows: readonly Row[],
  total: number | null,
  requestUrl: URL,
  serialize: (row: Row) => Record<string, unknown> = (row) => serializeRow(plan.fields, row),
): ListEnvelope {
  const pageRows = rows.slice(0, plan.perPage);
  const totalPages = total === null ? null : Math.max(1, Math.ceil(total / plan.perPage));
  const hasNext = totalPages === null ? rows.length > plan.perPage : plan.page < totalPages;
  const links: Record<string, string> = { self: normalisedUrl(requestUrl), first: pageUrl(requestUrl, 1) };
  if (plan.page > 1) links.prev = pageUrl(requestUrl, totalPages === null ? plan.page - 1 : Math.min(plan.page - 1, totalPages));
  if (hasNext) links.next = pageUrl(requestUrl, plan.page + 1);
  if (totalPages !== null) links.last = pageUrl(requestUrl, totalPages);
  const meta: Record<string, unknown> =
    total === null
      ? { page: plan.page, per_page: plan.perPage }
      : { total, page: plan.page, per_page: plan.perPage, total_pages: totalPages };
  if (plan.sinceColumn !== null) meta.since_column = plan.sinceColumn;
  return { data: pageRows.map(serialize), meta, links };
}
