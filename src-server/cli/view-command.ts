/**
 * `perfex-api-studio view import|list|delete`: saved views (named list requests with parameters,
 * served at /api/v1/views/{name}) between JSON files and the local store. A file holds one view
 * object or an array of them; all are validated before any is stored.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { parseViewDefinition } from '../engine/view-definition.ts';
import { withStore } from './with-store.ts';

function readViews(file: string): unknown[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the views in ${file}: ${(error as Error).message}`, { cause: error });
  }
  return Array.isArray(json) ? json : [json];
}

export function registerViewCommand(program: Command): void {
  const view = program.command('view').description('saved views: named list requests served at /api/v1/views/{name}');
  view
    .command('import')
    .description('store the view(s) of a JSON file, replacing views of the same name')
    .argument('<file>', 'JSON file: one view object or an array of them')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(async (file: string, options: { dataDir?: string }) => {
      const definitions = readViews(file).map((v) => parseViewDefinition(v));
      await withStore(options.dataDir, (store) => {
        for (const definition of definitions) store.views.put(definition);
      });
      process.stdout.write(
        `imported ${definitions.length} view${definitions.length === 1 ? '' : 's'}: ${definitions.map((d) => d.name).join(', ')}\n`,
      );
    });
  view
    .command('list')
    .description('list the stored views')
    .option('--json', 'print the definitions as JSON')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const views = await withStore(options.dataDir, (store) => store.views.list());
      if (options.json === true) {
        process.stdout.write(
          `${JSON.stringify(
            views.map((v) => v.definition),
            null,
            2,
          )}\n`,
        );
        return;
      }
      for (const { definition: v } of views) {
        const params = Object.entries(v.params ?? {}).map(
          ([n, p]) => `${n}:${p.type}${p.default === undefined ? '' : `=${String(p.default)}`}`,
        );
        process.stdout.write(
          `${v.name}  ${v.resource}  (${params.join(', ') || 'no parameters'})${v.description === undefined ? '' : `  ${v.description}`}\n`,
        );
      }
    });
  view
    .command('delete')
    .description('delete a stored view')
    .argument('<name>')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(async (name: string, options: { dataDir?: string }) => {
      const deleted = await withStore(options.dataDir, (store) => store.views.delete(name));
      if (!deleted) throw new Error(`there is no view "${name}"`);
      process.stdout.write(`deleted the view ${name}\n`);
    });
}
