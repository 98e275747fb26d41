/** What a catalog refresh changed, by resource name (the admin API's refresh answer, the schema-drift log). */
import type { Catalog, Resource } from '../catalog/catalog.ts';
import type { CatalogRefresh } from './engine.ts';

/** A resource's shape without its row estimate (which moves with every insert). */
function shape(resource: Resource): string {
  const { rowEstimate: _rows, ...rest } = resource;
  return JSON.stringify(rest);
}

export function diffCatalogs(before: Catalog, after: Catalog): Omit<CatalogRefresh, 'catalog' | 'durationMs'> {
  const added = after.resources.filter((r) => !before.byName.has(r.name)).map((r) => r.name);
  const removed = before.resources.filter((r) => !after.byName.has(r.name)).map((r) => r.name);
  const changed = after.resources
    .filter((r) => {
      const old = before.byName.get(r.name);
      return old !== undefined && shape(old) !== shape(r);
    })
    .map((r) => r.name);
  return { added, removed, changed };
}
