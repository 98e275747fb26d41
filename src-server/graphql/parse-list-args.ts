/**
 * parse (GraphQL): the arguments of a list field (root or relation) → a `RowsRequest`, and the
 * arguments of an aggregate field → an `AggregateRequest`. The caller's rights are checked here
 * as REST checks them: a filter or sort through a relation needs read access to its target.
 */
import type { Field } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { requireReadablePaths } from '../engine/check-paths.ts';
import type { AggregateRequest, Measure, RowsRequest } from '../parse/rows-request.ts';
import type { Catalog } from '../catalog/catalog.ts';
import type { CatalogNames, ResourceNames } from './graphql-names.ts';
import type { GraphqlOptions } from './graphql-options.ts';
import { parseFilterArg } from './parse-filter-arg.ts';
import { parseOrderArg } from './parse-order-arg.ts';
import { parseWindow, type WindowArgs } from './parse-window.ts';

export interface ListArgs extends WindowArgs {
  readonly filter?: unknown;
  readonly where?: unknown;
  readonly sort?: string | null;
  readonly orderBy?: readonly unknown[] | null;
}

export interface AggregateArgs {
  readonly filter?: unknown;
  readonly where?: unknown;
  /** Column names (the groupBy enum's internal values). */
  readonly groupBy?: readonly string[] | null;
}

export interface ParseScope {
  readonly catalog: Catalog;
  readonly names: CatalogNames;
  readonly access: Access;
  readonly options: Pick<GraphqlOptions, 'maxListSize' | 'defaultListSize'>;
}

/** A list field's rows request; `fields` are the columns the selection needs. */
export function parseListArgs(
  scope: ParseScope,
  resource: ResourceNames,
  args: ListArgs,
  fields: readonly Field[],
): RowsRequest {
  const where = parseFilterArg(scope.names, resource, args);
  const sort = parseOrderArg(scope.catalog, scope.names, resource, args);
  requireReadablePaths(scope.access, { where, sort });
  const { limit, offset } = parseWindow(args, scope.options);
  return { kind: 'rows', resource: resource.resource, fields, where, sort, limit, offset };
}

/** An aggregate field's request; `measures` come from its selection. */
export function parseAggregateArgs(
  scope: ParseScope,
  resource: ResourceNames,
  args: AggregateArgs,
  measures: readonly Measure[],
): AggregateRequest {
  const where = parseFilterArg(scope.names, resource, args);
  requireReadablePaths(scope.access, { where, sort: [] });
  const groupBy = (args.groupBy ?? [])
    .map((name) => resource.resource.fields.find((f) => f.name === name))
    .filter((f) => f !== undefined);
  return { kind: 'aggregate', resource: resource.resource, where, groupBy: [...new Set(groupBy)], measures };
}
