/**
 * `perfex-api-studio export openapi|postman`: the same documents as /api/v1/openapi.json and
 * /api/v1/postman.json, for the whitelist's full rights, without running a server (for a repository,
 * a CI job, an API gateway). Examples are demo rows on the demo database, typed values otherwise.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { ensureDemoDatabase } from '../demo/create-demo-database.ts';
import { createDocsSource } from '../docs/docs-source.ts';
import { whitelistAccess } from '../engine/access.ts';
import type { Engine } from '../engine/engine.ts';
import { loadEngine } from '../engine/load-engine.ts';
import type { ViewSource } from '../engine/run-view.ts';
import { withStore } from './with-store.ts';

interface ExportOptions {
  readonly db?: string;
  readonly dataDir?: string;
  readonly out?: string;
  readonly server: string;
  readonly version?: string;
}

async function exportDocument(kind: 'openapi' | 'postman', options: ExportOptions): Promise<void> {
  const version = options.version ?? '3.1';
  if (kind === 'openapi' && version !== '3.1' && version !== '3.0')
    throw new Error(`--version must be 3.1 or 3.0, got "${version}"`);
  const origin = new URL(options.server).origin;
  // The store stays open for the whole export: the whitelist shapes the catalog, its saved views are documented.
  await withStore(options.dataDir, async (store, dataDir) => {
    const db = options.db ?? `sqlite:${await ensureDemoDatabase(dataDir)}`;
    const engine = await loadEngine({ db, whitelist: store.whitelist.get() });
    try {
      await writeDocument(kind, version, origin, engine, store.views, options);
    } finally {
      await engine.driver.close();
    }
  });
}

async function writeDocument(
  kind: 'openapi' | 'postman',
  version: string,
  origin: string,
  engine: Engine,
  views: ViewSource,
  options: ExportOptions,
): Promise<void> {
  const docs = createDocsSource(engine, options.db === undefined ? 'rows' : 'types');
  const access = whitelistAccess(engine.catalog);
  const document =
    kind === 'openapi'
      ? await docs.openapi(access, origin, version === '3.0' ? '3.0' : '3.1', views)
      : await docs.postman(access, origin, views);
  const yaml = options.out !== undefined && /\.ya?ml$/i.test(options.out);
  const text = yaml
    ? stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 })
    : `${JSON.stringify(document, null, 2)}\n`;
  if (options.out === undefined) process.stdout.write(text);
  else {
    fs.writeFileSync(options.out, text);
    process.stderr.write(
      `wrote ${kind === 'openapi' ? `OpenAPI ${version}` : 'Postman Collection v2.1'} to ${options.out} (${Buffer.byteLength(text)} bytes)\n`,
    );
  }
}

export function registerExportCommand(program: Command): void {
  // `export openapi --version 3.0` must reach the subcommand, not print the program's version:
  // program options (-V/--version) are then recognised before the subcommand name only.
  program.enablePositionalOptions();
  const command = program.command('export').description('write the API description: OpenAPI or a Postman collection');
  for (const kind of ['openapi', 'postman'] as const) {
    const sub = command
      .command(kind)
      .description(
        kind === 'openapi'
          ? 'OpenAPI 3.1 (or 3.0.3) of the whitelisted API'
          : 'Postman Collection v2.1 of the whitelisted API',
      )
      .option('--db <url>', 'mysql://… or sqlite:path (default: the embedded demo database)')
      .option('--data-dir <dir>', 'data directory holding the local store (whitelist)')
      .option('--out <file>', 'write to this file (.yaml/.yml for YAML) instead of stdout')
      .option('--server <url>', 'the server the document points to', 'http://127.0.0.1:4780');
    if (kind === 'openapi') sub.option('--version <version>', 'OpenAPI version: 3.1 or 3.0', '3.1');
    sub.action((options: ExportOptions) => exportDocument(kind, options));
  }
}
