/**
 * Who may run a saved view, decided once for every place that offers views (GET /api/v1/views,
 * GraphQL `view_<name>` fields, OpenAPI/Postman//api_docs): the `views` scope, read on the view's
 * resource and — when the view's query parses with example values — read on everything it reaches
 * (include, has, group keys, related filters), since running it would otherwise answer 403.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import { Problem } from '../errors/problem.ts';
import type { ListRequest } from '../parse/list-request.ts';
import { parseListQuery } from '../parse/parse-list-query.ts';
import { canUse, hasScope, type Access } from './access.ts';
import { requireReadablePaths } from './check-paths.ts';
import { requireReadableRelations } from './check-relations.ts';
import { bindView, type ViewDefinition, type ViewParam } from './view-definition.ts';

/** A value of a parameter's type, for examples where the view gives no default. */
export function exampleParamValue(param: ViewParam): string {
  if (param.default !== undefined) return String(param.default);
  switch (param.type) {
    case 'integer':
    case 'number':
      return '1';
    case 'date':
      return '2026-01-31';
    case 'datetime':
      return '2026-01-31T00:00:00';
    case 'boolean':
      return 'true';
    default:
      return 'text';
  }
}

export interface RunnableView {
  readonly resource: Resource;
  /** A value for each parameter: its default, else a value of its type. */
  readonly example: readonly (readonly [string, string])[];
  /** The view's list request with the example values, or null when it does not parse against the catalog. */
  readonly request: ListRequest | null;
}

function parseView(catalog: Catalog, resource: Resource, view: ViewDefinition, example: URLSearchParams): ListRequest | null {
  try {
    return parseListQuery(catalog, resource, bindView(view, example));
  } catch (error) {
    if (error instanceof Problem) return null;
    throw error;
  }
}

/** The view as `access` may run it, or null when it may not. */
export function runnableView(catalog: Catalog, access: Access, view: ViewDefinition): RunnableView | null {
  if (!hasScope(access, 'views')) return null;
  const resource = catalog.byName.get(view.resource);
  if (resource === undefined || !canUse(access, resource.name, 'read')) return null;
  const example = Object.entries(view.params ?? {}).map(([name, p]) => [name, exampleParamValue(p)] as const);
  const request = parseView(catalog, resource, view, new URLSearchParams(example.map(([k, v]) => [k, v])));
  if (request !== null) {
    try {
      requireReadablePaths(access, request);
      requireReadableRelations(access, request);
    } catch (error) {
      if (error instanceof Problem) return null;
      throw error;
    }
  }
  return { resource, example, request };
}
