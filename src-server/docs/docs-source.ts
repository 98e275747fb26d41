/**
 * What the docs routes and the CLI export generate from: one engine, its example rows (read once,
 * on first use) and the documents built per caller's rights. Documents are cached by rights and
 * server origin, like the GraphQL schema cache: tokens mostly share a few sets of rights.
 */
import type { Access } from '../engine/access.ts';
import type { Engine } from '../engine/engine.ts';
import { buildOpenApi, type OpenApiDocument } from './build-openapi.ts';
import { buildPostman, type PostmanCollection } from './build-postman.ts';
import { loadExampleRows, type ExampleRows, type ExampleSource } from './example-rows.ts';
import type { JsonSchema } from './field-schema.ts';
import { toOpenApi30 } from './to-openapi-30.ts';

export type OpenApiVersion = '3.1' | '3.0';

export interface DocsSource {
  readonly engine: Engine;
  examples(): Promise<ExampleRows>;
  openapi(access: Access, origin: string, version: OpenApiVersion): Promise<JsonSchema>;
  postman(access: Access, origin: string): Promise<PostmanCollection>;
}

const MAX_CACHED = 32;

/** A small LRU map: documents are ~0.5 MB each, so only a few are kept. */
function cache<T>(): { get(key: string, make: () => T): T } {
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

export function createDocsSource(engine: Engine, examples: ExampleSource): DocsSource {
  let rows: Promise<ExampleRows> | undefined;
  const loadRows = (): Promise<ExampleRows> => {
    rows ??= loadExampleRows(engine, examples);
    // A failed read (database down) is retried on the next request rather than cached.
    rows.catch(() => (rows = undefined));
    return rows;
  };
  const openapis = cache<OpenApiDocument>();
  const downgraded = cache<JsonSchema>();
  const collections = cache<PostmanCollection>();
  return {
    engine,
    examples: loadRows,
    async openapi(access, origin, version) {
      const input = { catalog: engine.catalog, access, examples: await loadRows(), origin };
      const key = `${access.key}|${origin}`;
      const document = openapis.get(key, () => buildOpenApi(input));
      return version === '3.1' ? document : downgraded.get(key, () => toOpenApi30(document));
    },
    async postman(access, origin) {
      const input = { catalog: engine.catalog, access, examples: await loadRows(), origin };
      return collections.get(`${access.key}|${origin}`, () => buildPostman(input));
    },
  };
}
