/**
 * The saved views a caller may run, as plain data beside `api-operations.ts` (OpenAPI, Postman and
 * /api_docs all document views from this list). A view is listed for a caller with the `views`
 * scope, read on its resource and on everything it reaches: `runnableView`, the rule GET /api/v1/views
 * and GraphQL's `view_<name>` fields follow too.
 */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { runnableView } from '../engine/view-access.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import type { ListRequest } from '../parse/list-request.ts';
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

/** The view operations `access` may use, in the views' order (by name). */
export function viewOperations(catalog: Catalog, access: Access, views: readonly ViewDefinition[]): ViewOperation[] {
  const out: ViewOperation[] = [];
  for (const view of views) {
    const runnable = runnableView(catalog, access, view);
    if (runnable === null) continue;
    const { resource, example, request } = runnable;
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
