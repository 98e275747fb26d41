/**
 * Schemas by catalog and permission set: built on the first request of a caller with new rights,
 * reused afterwards. The catalog object is the cache's identity, so a reloaded catalog (a new
 * engine, an edited whitelist) gets new names and schemas while the old ones are collected with it.
 */
import type { GraphQLSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import type { ViewSource } from '../engine/run-view.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import { buildSchema, type SchemaViews } from './build-schema.ts';
import { nameCatalog, type CatalogNames } from './graphql-names.ts';

/** Distinct permission sets kept per catalog; tokens mostly share a few. */
const MAX_SCHEMAS_PER_CATALOG = 64;

export interface SchemaCache {
  names(catalog: Catalog): CatalogNames;
  /** With `views`, the schema also offers the saved views; a new views revision builds new schemas. */
  schema(catalog: Catalog, access: Access, views?: ViewSource): GraphQLSchema;
}

export function createSchemaCache(): SchemaCache {
  const byCatalog = new WeakMap<Catalog, { names: CatalogNames; schemas: Map<string, GraphQLSchema> }>();
  function entry(catalog: Catalog) {
    let found = byCatalog.get(catalog);
    if (found === undefined) byCatalog.set(catalog, (found = { names: nameCatalog(catalog), schemas: new Map() }));
    return found;
  }
  // The views as last listed, reused until their revision changes (listing parses every definition).
  let listed: { revision: string; definitions: readonly ViewDefinition[] } | undefined;
  function currentViews(source: ViewSource): SchemaViews {
    const revision = source.revision();
    if (listed?.revision !== revision) listed = { revision, definitions: source.list().map((v) => v.definition) };
    return { definitions: listed.definitions, source };
  }
  return {
    names: (catalog) => entry(catalog).names,
    schema(catalog, access, source) {
      const { names, schemas } = entry(catalog);
      const views = source === undefined ? undefined : currentViews(source);
      const key = views === undefined ? access.key : `${access.key}|views@${listed?.revision ?? ''}`;
      let schema = schemas.get(key);
      if (schema !== undefined) {
        // Least recently used goes first: re-insert on every hit.
        schemas.delete(key);
      } else {
        schema = buildSchema(catalog, names, access, views);
        if (schemas.size >= MAX_SCHEMAS_PER_CATALOG) schemas.delete(schemas.keys().next().value as string);
      }
      schemas.set(key, schema);
      return schema;
    },
  };
}
