/** `perfex-api-studio serve`: the data API (and the Studio page) over a database, the demo by default. */
import fs from 'node:fs';
import type { Command } from 'commander';
import pino from 'pino';
import { isDocsMode, type DocsMode } from '../docs/docs-mode.ts';
import { serve } from '../server/serve.ts';
import { resolveDataDir } from './data-dir.ts';
import { withStore } from './with-store.ts';

interface ServeCommandOptions {
  readonly db?: string;
  readonly prefix?: string;
  readonly port: string;
  readonly lan?: boolean;
  readonly dataDir?: string;
  readonly whitelist?: string;
  readonly demoToken: boolean;
  readonly logLevel: string;
  readonly docs?: string;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${text}"`);
  return port;
}

/** `--whitelist file` imports the JSON into the store (where the Studio edits it) before serving. */
async function importWhitelist(dataDir: string, file: string): Promise<void> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the whitelist ${file}: ${(error as Error).message}`, { cause: error });
  }
  await withStore(dataDir, (store) => store.whitelist.importJson(text));
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API over a Perfex database (the embedded demo database when --db is not given)')
    .option('--db <url>', 'mysql://user:password@host:3306/perfex or sqlite:path/to/file.db')
    .option('--prefix <prefix>', 'table prefix (default: detected, usually tbl)')
    .option('--port <port>', 'port to listen on', '4780')
    .option('--lan', 'share the data API on the LAN (all interfaces); the Studio stays on 127.0.0.1')
    .option('--data-dir <dir>', 'where the demo database, the local store and its key live')
    .option('--whitelist <file>', 'import this JSON whitelist into the store before serving')
    .option('--no-demo-token', 'on the demo database, do not issue a token for this launch')
    .option('--log-level <level>', 'pino log level on stderr', 'warn')
    .option('--docs <mode>', 'who may open /api_docs: off, local (this machine; the default) or lan')
    .action(async (options: ServeCommandOptions) => {
      const port = parsePort(options.port);
      if (options.docs !== undefined && !isDocsMode(options.docs)) throw new Error(`--docs must be off, local or lan, got "${options.docs}"`);
      const logger = pino({ level: options.logLevel }, pino.destination(2));
      const dataDir = resolveDataDir(options.dataDir);
      if (options.whitelist !== undefined) await importWhitelist(dataDir, options.whitelist);
      const server = await serve({
        db: options.db,
        dataDir,
        ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
        port,
        lan: options.lan === true,
        demoToken: options.demoToken,
        ...(options.docs === undefined ? {} : { docs: options.docs as DocsMode }),
        logger,
        onDemo: (file) => process.stderr.write(`using the embedded demo database ${file}\n`),
      });
      const out: string[] = [`listening on ${server.url}`, `studio: ${server.studioUrl}`];
      for (const url of server.lanUrls) out.push(`shared on the LAN: ${url}/api/v1`);
      if (server.demoToken !== null) {
        out.push(`demo token (valid until the next launch): ${server.demoToken}`);
        out.push(`try: curl -H "Authorization: Bearer ${server.demoToken}" ${server.url}/api/v1/invoices?per_page=2`);
      } else if (server.store.tokens.liveCount() === 0) {
        out.push(`no API token yet; create one: perfex-api-studio token create --name me --read '*'`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
      const stop = (): void => {
        void server.close().finally(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
