/**
 * What the docs routes and the CLI export generate from: one engine, its example rows and the
 * documents built per caller's rights. Everything is cached per catalog object (a WeakMap), because
 * a catalog refresh replaces `engine.catalog`: the next request then builds from the new catalog and
 * the old documents go with the old catalog. Within a catalog, documents are cached by rights,
 * server origin and the saved views' revision (views can be added or deleted while the server runs).
 */
import type { Catalog } from '../catalog/catalog.ts';
import { whitelistAccess, type Access } from '../engine/access.ts';
import type { Engine } from '../engine/engine.ts';
import type { ViewSource } from '../engine/run-view.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import { createSchemaCache } from '../graphql/schema-cache.ts';
import { buildOpenApi } from './build-openapi.ts';
import { buildPostman, type PostmanCollection } from './build-postman.ts';
import { loadExampleRows, type ExampleRows, type ExampleSource } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';
import { renderApiDocs, type ApiDocsPage } from './render-api-docs.ts';
import { toOpenApi30 } from './to-openapi-30.ts';

export type OpenApiVersion = '3.1' | '3.0';

export interface DocsSource {
  readonly engine: Engine;
  /** The example rows of `catalog` (read once per catalog). */
  examples(catalog: Catalog): Promise<ExampleRows>;
  /** `views`: the saved views to document (the local store's); absent = none. */
  openapi(access: Access, origin: string, version: OpenApiVersion, views?: ViewSource): Promise<JsonSchema>;
  postman(access: Access, origin: string, views?: ViewSource): Promise<PostmanCollection>;
  /** The public /api_docs page: the whitelist's rights on the current catalog. */
  page(origin: string, views?: ViewSource): Promise<ApiDocsPage>;
}

const MAX_CACHED = 32;

/** A small LRU map: documents are ~0.5 MB each, so only a few are kept. */
function lru<T>(): { get(key: string, make: () => T): T } {
  const entries = new Map<string, T>();
  return {
    get(key, make) {
      let value = entries.get(key);
      if (value !== undefined) entries.delete(key);
      else {
        value = make();
        if (entries.size >= MAX_CACHED) entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, value);
      return value;
    },
  };
}

/** What one catalog's documents are built from and cached in. */
interface CatalogDocs {
  rows: Promise<ExampleRows> | undefined;
  readonly documents: ReturnType<typeof lru<unknown>>;
  readonly access: Access;
}

/** The saved views as of one revision: listing parses every definition, so it is done once per revision. */
export interface ViewsSnapshot {
  readonly revision: string;
  readonly definitions: readonly ViewDefinition[];
}

/** `examples` may depend on the catalog: the engine can switch databases, and only the demo's rows may be shown. */
export function createDocsSource(engine: Engine, examples: ExampleSource | ((catalog: Catalog) => ExampleSource)): DocsSource {
  const byCatalog = new WeakMap<Catalog, CatalogDocs>();
  const graphql = createSchemaCache();
  const listed = new WeakMap<ViewSource, ViewsSnapshot>();

  function docsOf(catalog: Catalog): CatalogDocs {
    let entry = byCatalog.get(catalog);
    if (entry === undefined) {
      entry = { rows: undefined, documents: lru<unknown>(), access: whitelistAccess(catalog) };
      byCatalog.set(catalog, entry);
    }
    return entry;
  }

  function rowsOf(catalog: Catalog): Promise<ExampleRows> {
    const entry = docsOf(catalog);
    const rows = (entry.rows ??= loadExampleRows(engine.driver, catalog, typeof examples === 'function' ? examples(catalog) : examples));
    // A failed read (database down) is retried on the next request rather than cached.
    rows.catch(() => {
      if (entry.rows === rows) entry.rows = undefined;
    });
    return rows;
  }

  function viewsOf(source: ViewSource | undefined): ViewsSnapshot | undefined {
    if (source === undefined) return undefined;
    const revision = source.revision();
    let snapshot = listed.get(source);
    if (snapshot?.revision !== revision) {
      snapshot = { revision, definitions: source.list().map((v) => v.definition) };
      listed.set(source, snapshot);
    }
    return snapshot;
  }

  /** Builds (or reuses) one document of the current catalog; the catalog is read once per call. */
  async function cached<T>(key: string, make: (catalog: Catalog, rows: ExampleRows) => T): Promise<T> {
    const catalog = engine.catalog;
    const rows = await rowsOf(catalog);
    return docsOf(catalog).documents.get(key, () => make(catalog, rows)) as T;
  }

  return {
    engine,
    examples: rowsOf,
    openapi(access, origin, version, source) {
      const views = viewsOf(source);
      const key = `${access.key}|${origin}|views@${views?.revision ?? 'none'}`;
      return cached(`openapi|${version}|${key}`, (catalog, rows) => {
        const document = docsOf(catalog).documents.get(`openapi|3.1|${key}`, () =>
          buildOpenApi({ catalog, access, examples: rows, origin, views: views?.definitions }),
        ) as JsonSchema;
        return version === '3.1' ? document : toOpenApi30(document);
      });
    },
    postman(access, origin, source) {
      const views = viewsOf(source);
      return cached(`postman|${access.key}|${origin}|views@${views?.revision ?? 'none'}`, (catalog, rows) =>
        buildPostman({ catalog, access, examples: rows, origin, views: views?.definitions }),
      );
    },
    page(origin, source) {
      const views = viewsOf(source);
      return cached(`page|${origin}|views@${views?.revision ?? 'none'}`, (catalog, rows) =>
        renderApiDocs({
          catalog,
          access: docsOf(catalog).access,
          examples: rows,
          origin,
          graphql,
          views: views?.definitions,
          ...(source === undefined ? {} : { viewSource: source }),
        }),
      );
    },
  };
}
