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
import { loadEngine } from '../engine/load-engine.ts';
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
  const whitelist = await withStore(options.dataDir, (store) => store.whitelist.get());
  const db =
    options.db ?? `sqlite:${await withStore(options.dataDir, (_store, dataDir) => ensureDemoDatabase(dataDir))}`;
  const engine = await loadEngine({ db, whitelist });
  try {
    const docs = createDocsSource(engine, options.db === undefined ? 'rows' : 'types');
    const access = whitelistAccess(engine.catalog);
    const document =
      kind === 'openapi'
        ? await docs.openapi(access, origin, version === '3.0' ? '3.0' : '3.1')
        : await docs.postman(access, origin);
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
  } finally {
    await engine.driver.close();
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
