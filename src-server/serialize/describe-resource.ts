/** The public description of resources (`GET /api/v1` and `GET /api/v1/{resource}/schema`). */
import type { Catalog, Resource } from '../catalog/catalog.ts';

/** One resource of the index, with its links. */
export function describeIndexEntry(resource: Resource, base: string): Record<string, unknown> {
  return {
    name: resource.name,
    operations: resource.operations,
    primary_key: resource.primaryKey,
    rows_estimate: resource.rowEstimate,
    links: { self: `${base}/${resource.name}`, schema: `${base}/${resource.name}/schema` },
  };
}

/** The schema of one resource: fields with types and limits, relations, operations. Sensitive columns never appear. */
export function describeResource(catalog: Catalog, resource: Resource, base: string): Record<string, unknown> {
  return {
    name: resource.name,
    description: resource.description,
    primary_key: resource.primaryKey,
    operations: resource.operations,
    created_column: resource.createdColumn,
    updated_column: resource.updatedColumn,
    fields: resource.fields.map((f) => ({
      name: f.name,
      type: f.type,
      column_type: f.columnType,
      nullable: f.nullable,
      default: f.defaultValue,
      max_length: f.maxLength,
      writable: f.writable,
      required_on_create: f.requiredOnCreate,
      primary_key: f.primaryKey,
      flag: f.flag,
      pii: f.pii,
      ...(f.enumValues === null ? {} : { enum: f.enumValues }),
      ...(f.labels === null ? {} : { labels: f.labels }),
    })),
    relations: resource.relations
      .filter((r) => r.target === null || catalog.byName.has(r.target))
      .map((r) => ({
        name: r.name,
        kind: r.kind,
        target: r.target,
        local_column: r.localColumn,
        remote_column: r.remoteColumn,
        ...(r.remoteTypeFilter === null ? {} : { where: { [r.remoteTypeFilter.column]: r.remoteTypeFilter.value } }),
        ...(r.polymorphic === null
          ? {}
          : { polymorphic: { type_column: r.polymorphic.typeColumn, targets: r.polymorphic.targets.map((t) => ({ type: t.typeValue, resource: t.resource })) } }),
        source: r.source,
      })),
    links: { self: `${base}/${resource.name}/schema`, collection: `${base}/${resource.name}` },
  };
}
