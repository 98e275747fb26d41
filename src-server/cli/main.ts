#!/usr/bin/env node
/** The `perfex-api-studio` command line: one composition root per command. */
import { Command, CommanderError } from 'commander';
import { registerDemoCommand } from './demo-command.ts';
import { registerExportCommand } from './export-command.ts';
import { registerIntrospectCommand } from './introspect-command.ts';
import { registerSecurityCommand } from './security-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerTokenCommand } from './token-command.ts';
import { registerViewCommand } from './view-command.ts';
import { registerWhitelistCommand } from './whitelist-command.ts';

const program = new Command('perfex-api-studio')
  .description('Turn a Perfex CRM database into a documented, secured REST and GraphQL API')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

registerServeCommand(program);
registerDemoCommand(program);
registerIntrospectCommand(program);
registerTokenCommand(program);
registerWhitelistCommand(program);
registerSecurityCommand(program);
registerExportCommand(program);
registerViewCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Expected failures (bad URL, refused connection, port taken…) are one clear line, no stack.
  process.stderr.write(`perfex-api-studio: ${(error as Error).message}\n`);
  process.exit(1);
}
