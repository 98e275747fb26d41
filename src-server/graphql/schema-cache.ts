/**
 * Schemas by catalog and permission set: built on the first request of a caller with new rights,
 * reused afterwards. The catalog object is the cache's identity, so a reloaded catalog (a new
 * engine, an edited whitelist) gets new names and schemas while the old ones are collected with it.
 */
import type { GraphQLSchema } from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { buildSchema } from './build-schema.ts';
import { nameCatalog, type CatalogNames } from './graphql-names.ts';

/** Distinct permission sets kept per catalog; tokens mostly share a few. */
const MAX_SCHEMAS_PER_CATALOG = 64;

export interface SchemaCache {
  names(catalog: Catalog): CatalogNames;
  schema(catalog: Catalog, access: Access): GraphQLSchema;
}

export function createSchemaCache(): SchemaCache {
  const byCatalog = new WeakMap<Catalog, { names: CatalogNames; schemas: Map<string, GraphQLSchema> }>();
  function entry(catalog: Catalog) {
    let found = byCatalog.get(catalog);
    if (found === undefined) byCatalog.set(catalog, (found = { names: nameCatalog(catalog), schemas: new Map() }));
    return found;
  }
  return {
    names: (catalog) => entry(catalog).names,
    schema(catalog, access) {
      const { names, schemas } = entry(catalog);
      let schema = schemas.get(access.key);
      if (schema !== undefined) {
        // Least recently used goes first: re-insert on every hit.
        schemas.delete(access.key);
      } else {
        schema = buildSchema(catalog, names, access);
        if (schemas.size >= MAX_SCHEMAS_PER_CATALOG) schemas.delete(schemas.keys().next().value as string);
      }
      schemas.set(access.key, schema);
      return schema;
    },
  };
}
