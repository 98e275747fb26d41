/**
 * What the explorer offers to call: per resource its fields, relations and REST operations (from
 * `docs/api-operations.ts`, the list OpenAPI, Postman and /api_docs come from), the filter operators
 * (`parse/filter-operators.ts`) and the list parameters (`docs/list-parameters.ts`), all for the
 * Studio's rights, i.e. everything the whitelist exposes.
 */
import type { ExplorerEndpoints, ResourceEndpoints } from '../../src-shared/admin-api.ts';
import type { Catalog, Resource } from '../catalog/catalog.ts';
import { whitelistAccess, type Access } from '../engine/access.ts';
import { resourceOperations } from '../docs/api-operations.ts';
import { listParameters, OPERATOR_MEANINGS, SHARED_LIST_PARAMETERS } from '../docs/list-parameters.ts';
import { FILTER_OPERATORS } from '../parse/filter-operators.ts';

const API = '/api/v1';

function describeResource(resource: Resource, access: Access): ResourceEndpoints {
  return {
    resource: resource.name,
    table: resource.table,
    operations: resource.operations,
    fields: resource.fields.map((f) => ({ name: f.name, type: f.type, pii: f.pii, writable: f.writable })),
    relations: resource.relations.map((r) => ({ name: r.name, kind: r.kind, target: r.target })),
    endpoints: resourceOperations(resource, access).map((op) => ({
      method: op.method,
      path: `${API}${op.path}`,
      summary: op.summary,
      operationId: op.operationId,
    })),
  };
}

/** The first sentence of a documentation text, without Markdown code marks: a one-line description. */
function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const end = line.search(/[.;:](\s|$)/);
  return (end < 0 ? line : line.slice(0, end)).replace(/`/g, '').trim();
}

/**
 * The list parameters by name, read from the OpenAPI parameters of the resource that has them all
 * (relations for include/has/limit, a creation column for since); `$ref`s are the shared ones.
 */
function parameters(catalog: Catalog, access: Access): ExplorerEndpoints['parameters'] {
  const byName = new Map<string, string>();
  const richest = [...catalog.resources].sort((a, b) => b.relations.length - a.relations.length);
  for (const resource of richest) {
    for (const parameter of listParameters(catalog, resource, {}, access)) {
      const ref = typeof parameter.$ref === 'string' ? parameter.$ref.split('/').at(-1) : undefined;
      const schema = ref === undefined ? parameter : SHARED_LIST_PARAMETERS[ref];
      const name = typeof schema?.name === 'string' ? schema.name : undefined;
      if (name === undefined || byName.has(name)) continue;
      byName.set(name, firstSentence(String(schema?.description ?? '')));
    }
  }
  return [...byName].map(([name, description]) => ({ name, description }));
}

/** Built once per catalog (a whitelist edit or a connection switch brings a new one). */
const built = new WeakMap<Catalog, ExplorerEndpoints>();

export function describeEndpoints(catalog: Catalog, baseUrl: string): ExplorerEndpoints {
  const cached = built.get(catalog);
  if (cached?.baseUrl === baseUrl) return cached;
  const access = whitelistAccess(catalog);
  const endpoints: ExplorerEndpoints = {
    baseUrl,
    resources: catalog.resources.map((r) => describeResource(r, access)),
    operators: FILTER_OPERATORS.map((name) => ({ name, description: OPERATOR_MEANINGS[name].replace(/`/g, '') })),
    parameters: parameters(catalog, access),
    graphql: { path: `${API}/graphql`, enabled: access.scopes.has('graphql') },
  };
  built.set(catalog, endpoints);
  return endpoints;
}
