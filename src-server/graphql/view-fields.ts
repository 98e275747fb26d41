/**
 * Saved views as GraphQL fields: `view_<name>(<params>, page, perPage) { data meta }`, one per view
 * the caller may run (`runnableView`: the `views` scope, read on everything the view reaches). The resolver runs the view exactly as
 * `GET /api/v1/views/{name}` does (runView: the same parameters, defaults, errors and rights), so a
 * view answers the same rows whichever transport asks.
 */
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { runnableView } from '../engine/view-access.ts';
import { runView, type ViewSource } from '../engine/run-view.ts';
import type { ViewDefinition, ViewParam } from '../engine/view-definition.ts';
import { Problem } from '../errors/problem.ts';
import type { GraphqlContext } from './graphql-context.ts';
import { JsonScalar } from './json-scalar.ts';
import { DateScalar, DateTimeScalar } from './scalars.ts';

const PARAM_TYPES: Readonly<Record<ViewParam['type'], GraphQLInputType>> = {
  string: GraphQLString,
  integer: GraphQLInt,
  number: GraphQLFloat,
  date: DateScalar,
  datetime: DateTimeScalar,
  boolean: GraphQLBoolean,
};

export const ViewResultType = new GraphQLObjectType({
  name: 'ViewResult',
  description: 'The answer of a saved view: `data` and `meta` as in REST (`GET /api/v1/views/{name}`).',
  fields: {
    data: { type: new GraphQLNonNull(JsonScalar), description: 'Rows or groups, as REST serialises them.' },
    meta: { type: new GraphQLNonNull(JsonScalar), description: 'Totals and paging.' },
  },
});

export function viewFieldName(view: ViewDefinition): string {
  return `view_${view.name}`;
}

/** The view fields of a schema for `access`; `taken` are query field names already in use. */
export function viewFields(
  catalog: Catalog,
  views: readonly ViewDefinition[],
  source: ViewSource,
  access: Access,
  taken: ReadonlySet<string>,
): GraphQLFieldConfigMap<unknown, GraphqlContext> {
  const fields: GraphQLFieldConfigMap<unknown, GraphqlContext> = {};
  for (const view of views) {
    const name = viewFieldName(view);
    if (taken.has(name) || runnableView(catalog, access, view) === null) continue;
    const params = view.params ?? {};
    const args = Object.fromEntries(
      Object.entries(params).map(([param, spec]) => [
        param,
        {
          type: spec.default === undefined ? new GraphQLNonNull(PARAM_TYPES[spec.type]) : PARAM_TYPES[spec.type],
          ...(spec.description === undefined ? {} : { description: spec.description }),
          ...(spec.default === undefined ? {} : { defaultValue: spec.default }),
        },
      ]),
    );
    fields[name] = {
      type: new GraphQLNonNull(ViewResultType),
      description: view.description ?? `The saved view \`${view.name}\` over ${view.resource}.`,
      args: { ...args, page: { type: GraphQLInt }, perPage: { type: GraphQLInt } },
      async resolve(_root, given: Record<string, unknown>, ctx) {
        const url = new URL(`http://graphql.invalid/api/v1/views/${view.name}`);
        for (const [key, value] of Object.entries(given)) {
          if (value === undefined || value === null) continue;
          url.searchParams.set(key === 'perPage' ? 'per_page' : key, String(value));
        }
        const result = await runView(ctx.engine, ctx.access, source, view.name, url, ctx.timer, {
          accept: 'json',
          pii: ctx.pii,
        });
        if (result.kind !== 'json') throw new Problem('PAS124', 'a view answers JSON over GraphQL');
        ctx.rows += result.rows;
        return { data: result.envelope.data, meta: result.envelope.meta };
      },
    };
  }
  return fields;
}
