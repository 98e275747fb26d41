/**
 * The GraphQL part of /api_docs: the SDL of the schema the docs' rights produce (the same builder
 * and cache as /api/v1/graphql) and example queries made from the real type and field names.
 */
import { printSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import type { ViewSource } from '../engine/run-view.ts';
import type { SchemaCache } from '../graphql/schema-cache.ts';
import { escapeHtml } from './escape-html.ts';

/** Up to three example operations: a list with a to-one and a to-many relation, an aggregate, a single row. */
export function graphqlExamples(catalog: Catalog, cache: SchemaCache): string[] {
  const names = cache.names(catalog);
  const out: string[] = [];
  for (const resource of catalog.resources) {
    const n = names.byResource.get(resource.name);
    if (n === undefined) continue;
    const columns = [...n.columnNames.values()].slice(0, 3);
    const toOne = resource.relations.find(
      (r) => r.kind === 'to-one' && r.target !== null && catalog.byName.has(r.target),
    );
    const toMany = resource.relations.find(
      (r) => r.kind === 'to-many' && r.target !== null && catalog.byName.has(r.target),
    );
    const nested = (relation: typeof toOne): string => {
      if (relation === undefined || relation.target === null) return '';
      const field = n.relationNames.get(relation.name)?.field;
      const targetColumn = [...(names.byResource.get(relation.target)?.columnNames.values() ?? [])][0];
      return field === undefined || targetColumn === undefined ? '' : ` ${field} { ${targetColumn} }`;
    };
    if (toOne === undefined || toMany === undefined) continue;
    const key = resource.primaryKey[0];
    out.push(
      `{\n  ${n.list}(limit: 2${key === undefined ? '' : `, sort: "-${key}"`}) {\n    ${columns.join(' ')}${nested(toOne)}${nested(toMany)}\n  }\n}`,
    );
    out.push(`{\n  ${n.aggregate} {\n    count\n  }\n}`);
    break;
  }
  return out;
}

/** `views`: the saved views, shown in the SDL as `view_<name>` fields as /api/v1/graphql serves them. */
export function renderGraphqlSection(
  catalog: Catalog,
  access: Access,
  cache: SchemaCache,
  base: string,
  views?: ViewSource,
): string {
  const sdl = printSchema(cache.schema(catalog, access, views));
  const examples = graphqlExamples(catalog, cache)
    .map((q) => `<pre><code>${escapeHtml(q)}</code></pre>`)
    .join('\n');
  return `<section id="/graphql">
<h2>GraphQL</h2>
<p><code>POST /api/v1/graphql</code> (and <code>GET</code> for queries), over the same engine, filters, typing and rights as REST.
A token needs the <code>graphql</code> scope; its schema holds only what it may use (its own SDL: <code>GET /api/v1/graphql/schema.graphql</code>).
Limits: depth 8, 5,000 estimated rows, 30 aliases, 500 rows per list.</p>
<h3>Example queries</h3>
${examples}
<pre><code>${escapeHtml(`curl -sS -X POST '${base}/graphql' -H 'Authorization: Bearer pas_YOUR_TOKEN' -H 'Content-Type: application/json' --data-raw '{"query":"{ __typename }"}'`)}</code></pre>
<details id="/graphql/schema" data-testid="graphql-sdl"><summary>Schema (SDL) of every exposed resource</summary><pre><code>${escapeHtml(sdl)}</code></pre></details>
</section>`;
}
