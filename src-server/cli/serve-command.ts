/** `perfex-api-studio serve`: the data API (and the Studio page) over a database, the demo by default. */
import type { Command } from 'commander';
import pino from 'pino';
import { loadWhitelistConfig } from '../config/whitelist-config.ts';
import { serve } from '../server/serve.ts';
import { resolveDataDir } from './data-dir.ts';

interface ServeCommandOptions {
  readonly db?: string;
  readonly prefix?: string;
  readonly port: string;
  readonly host: string;
  readonly dataDir?: string;
  readonly whitelist?: string;
  readonly logLevel: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${text}"`);
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API over a Perfex database (the embedded demo database when --db is not given)')
    .option('--db <url>', 'mysql://user:password@host:3306/perfex or sqlite:path/to/file.db')
    .option('--prefix <prefix>', 'table prefix (default: detected, usually tbl)')
    .option('--port <port>', 'port to listen on', '4780')
    .option('--host <host>', 'address to listen on (0.0.0.0 shares the API on the LAN)', '127.0.0.1')
    .option('--data-dir <dir>', 'where the demo database and settings live')
    .option('--whitelist <file>', 'JSON whitelist: exposed tables, operations, hidden columns')
    .option('--log-level <level>', 'pino log level on stderr', 'warn')
    .action(async (options: ServeCommandOptions) => {
      const port = parsePort(options.port);
      const logger = pino({ level: options.logLevel }, pino.destination(2));
      const config = loadWhitelistConfig(options.whitelist);
      const server = await serve({
        db: options.db,
        dataDir: resolveDataDir(options.dataDir),
        whitelist: options.prefix === undefined ? config : { ...config, prefix: options.prefix },
        host: options.host,
        port,
        logger,
        onDemo: (file) => process.stderr.write(`using the embedded demo database ${file}\n`),
      });
      process.stdout.write(`listening on ${server.url}\n`);
      const stop = (): void => {
        void server.close().finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
