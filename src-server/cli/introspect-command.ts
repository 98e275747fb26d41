/** `perfex-api-studio introspect`: print the catalog (resources, keys, relations) of a database. */
import type { Command } from 'commander';
import { buildCatalog } from '../catalog/build-catalog.ts';
import { describeCatalog, formatCatalogText } from '../catalog/describe-catalog.ts';
import { loadWhitelistConfig } from '../config/whitelist-config.ts';
import { connect } from '../db/connect.ts';
import { introspect } from '../introspect/introspect.ts';

interface IntrospectOptions {
  readonly db: string;
  readonly json?: boolean;
  readonly prefix?: string;
  readonly whitelist?: string;
  readonly all?: boolean;
}

export function registerIntrospectCommand(program: Command): void {
  program
    .command('introspect')
    .description('read a database schema and print the resulting catalog')
    .requiredOption('--db <url>', 'mysql://user:password@host:3306/perfex or sqlite:path/to/file.db')
    .option('--json', 'print JSON instead of text')
    .option('--prefix <prefix>', 'table prefix (default: detected)')
    .option('--whitelist <file>', 'JSON whitelist to apply')
    .option('--all', 'expose every table (not only the core business tables)')
    .action(async (options: IntrospectOptions) => {
      const driver = await connect(options.db);
      try {
        const config = loadWhitelistConfig(options.whitelist);
        const whitelist = {
          ...config,
          ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
          ...(options.all === true ? { expose: 'all' as const } : {}),
        };
        const catalog = buildCatalog(await introspect(driver), whitelist);
        process.stdout.write(options.json === true ? `${JSON.stringify(describeCatalog(catalog), null, 2)}\n` : formatCatalogText(catalog));
      } finally {
        await driver.close();
      }
    });
}
