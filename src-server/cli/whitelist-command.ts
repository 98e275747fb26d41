/**
 * `perfex-api-studio whitelist import|export`: move the whitelist between a JSON file (the format
 * of `config/whitelist-config.ts`, e.g. kept in a repository) and the local store, where the server
 * and the Studio read it.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { withStore } from './with-store.ts';

export function registerWhitelistCommand(program: Command): void {
  const whitelist = program
    .command('whitelist')
    .description('the whitelist: exposed tables, operations, hidden columns');
  whitelist
    .command('import')
    .description('replace the stored whitelist with a JSON file (validated first; nothing changes on an error)')
    .argument('<file>', 'JSON whitelist file')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(async (file: string, options: { dataDir?: string }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`cannot read the whitelist ${file}: ${(error as Error).message}`, { cause: error });
      }
      await withStore(options.dataDir, (store) => {
        const config = store.whitelist.importJson(text);
        const tables = Object.keys(config.tables).length;
        process.stdout.write(
          `imported the whitelist from ${file}: expose ${config.expose}, ${tables} table ${tables === 1 ? 'entry' : 'entries'}, ` +
            `${config.relations.add.length} added and ${config.relations.remove.length} removed relations\n`,
        );
      });
    });
  whitelist
    .command('export')
    .description('write the stored whitelist as JSON (to stdout without a file)')
    .argument('[file]', 'file to write')
    .option('--data-dir <dir>', 'data directory holding the local store')
    .action(async (file: string | undefined, options: { dataDir?: string }) => {
      const json = await withStore(options.dataDir, (store) => store.whitelist.exportJson());
      if (file === undefined) {
        process.stdout.write(json);
        return;
      }
      fs.writeFileSync(file, json);
      process.stderr.write(`exported the whitelist to ${file}\n`);
    });
}
