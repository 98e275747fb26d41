/**
 * `limit`/`offset` or `page`/`perPage` → the window of a list. The two styles do not mix; sizes
 * above the configured maximum are PAS123 (the GraphQL list-size limit), other bad numbers PAS106
 * as in REST.
 */
import { Problem } from '../errors/problem.ts';
import type { GraphqlOptions } from './graphql-options.ts';

export interface WindowArgs {
  readonly limit?: number | null;
  readonly offset?: number | null;
  readonly page?: number | null;
  readonly perPage?: number | null;
}

export interface Window {
  readonly limit: number;
  readonly offset: number;
}

function given(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

function size(value: number, name: string, options: Pick<GraphqlOptions, 'maxListSize'>): number {
  if (value > options.maxListSize) {
    throw new Problem('PAS123', `${name}: ${value} rows asked for; a list returns at most ${options.maxListSize}`, {
      hint: `${name} accepts 1 to ${options.maxListSize}; page through larger results with offset or page`,
    });
  }
  if (value < 1)
    throw new Problem('PAS106', `${name} must be a whole number from 1 to ${options.maxListSize}, got ${value}`);
  return value;
}

/** The window asked for by a list field's arguments. */
export function parseWindow(
  args: WindowArgs,
  options: Pick<GraphqlOptions, 'maxListSize' | 'defaultListSize'>,
): Window {
  const rowStyle = given(args.limit) || given(args.offset);
  const pageStyle = given(args.page) || given(args.perPage);
  if (rowStyle && pageStyle) {
    throw new Problem('PAS106', 'give limit/offset or page/perPage, not both', {
      hint: 'limit: 50, offset: 100 — or — page: 3, perPage: 50',
    });
  }
  if (pageStyle) {
    const perPage = given(args.perPage) ? size(args.perPage, 'perPage', options) : options.defaultListSize;
    const page = args.page ?? 1;
    if (page < 1) throw new Problem('PAS106', `page must be a whole number from 1, got ${page}`);
    return { limit: perPage, offset: (page - 1) * perPage };
  }
  const limit = given(args.limit) ? size(args.limit, 'limit', options) : options.defaultListSize;
  const offset = args.offset ?? 0;
  if (offset < 0) throw new Problem('PAS106', `offset must be 0 or more, got ${offset}`);
  return { limit, offset };
}
