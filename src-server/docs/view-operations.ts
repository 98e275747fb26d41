/**
 * The saved views a caller may run, as plain data beside `api-operations.ts` (OpenAPI, Postman and
 * /api_docs all document views from this list). A view is listed for a caller with the `views`
 * scope (the security pipeline's rule for /api/v1/views) and read on the view's resource (GraphQL's
 * rule for `view_<name>` fields); when the view's query parses, also with read on everything it
 * reaches (include, has, group keys, related filters), since running it would otherwise answer 403.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import { canUse, hasScope, type Access } from '../engine/access.ts';
import { requireReadablePaths } from '../engine/check-paths.ts';
import { requireReadableRelations } from '../engine/check-relations.ts';
import { bindView, type ViewDefinition, type ViewParam } from '../engine/view-definition.ts';
import { Problem } from '../errors/problem.ts';
import type { ListRequest } from '../parse/list-request.ts';
import { parseListQuery } from '../parse/parse-list-query.ts';
import { pascal } from './api-operations.ts';

export interface ViewOperation {
  readonly view: ViewDefinition;
  readonly resource: Resource;
  /** Relative to /api/v1: `/views/overdue_by_agent`. */
  readonly path: string;
  /** `viewOverdueByAgent`. */
  readonly operationId: string;
  /** `views/overdue_by_agent`: the /api_docs deep link. */
  readonly anchor: string;
  readonly summary: string;
  /** A value for each parameter: its default, else a value of its type. */
  readonly example: readonly (readonly [string, string])[];
  /**
   * The view's list request with the example values, when it parses against the catalog (it tells
   * rows from groups); null when it does not (e.g. an example value its filter cannot type).
   */
  readonly request: ListRequest | null;
}

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

function parseView(catalog: Catalog, resource: Resource, view: ViewDefinition, example: URLSearchParams) {
  try {
    return parseListQuery(catalog, resource, bindView(view, example));
  } catch (error) {
    if (error instanceof Problem) return null;
    throw error;
  }
}

/** The view operations `access` may use, in the views' order (by name). */
export function viewOperations(catalog: Catalog, access: Access, views: readonly ViewDefinition[]): ViewOperation[] {
  if (!hasScope(access, 'views')) return [];
  const out: ViewOperation[] = [];
  for (const view of views) {
    const resource = catalog.byName.get(view.resource);
    if (resource === undefined || !canUse(access, resource.name, 'read')) continue;
    const example = Object.entries(view.params ?? {}).map(([name, p]) => [name, exampleParamValue(p)] as const);
    const request = parseView(catalog, resource, view, new URLSearchParams(example.map(([k, v]) => [k, v])));
    if (request !== null) {
      try {
        requireReadablePaths(access, request);
        requireReadableRelations(access, request);
      } catch (error) {
        if (error instanceof Problem) continue;
        throw error;
      }
    }
    out.push({
      view,
      resource,
      path: `/views/${view.name}`,
      operationId: `view${pascal(view.name)}`,
      anchor: `views/${view.name}`,
      summary: view.description ?? `Saved view ${view.name} over ${resource.name}`,
      example,
      request,
    });
  }
  return out;
}
