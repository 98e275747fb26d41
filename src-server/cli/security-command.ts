/** `perfex-api-studio security show|set`: the security limits stored in the local store. */
import type { Command } from 'commander';
import { resolveSecurityOptions } from '../security/security-options.ts';
import { storedSecurity, updateSecurity } from '../security/security-settings.ts';
import { withStore } from './with-store.ts';

/** `maxBodyBytes=524288` → ['maxBodyBytes', 524288]; `key=default` resets. */
function parseAssignment(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`"${text}" is not key=value (e.g. maxBodyBytes=524288, or key=default to reset)`);
  const raw = text.slice(eq + 1);
  const value = raw === 'default' ? null : Number(raw);
  if (value !== null && !Number.isFinite(value)) throw new Error(`"${raw}" is not a number`);
  return [text.slice(0, eq), value];
}

export function registerSecurityCommand(program: Command): void {
  const security = program.command('security').description('security limits of the data API (body size, throttles, timeouts, audit retention)');
  security
    .command('show')
    .description('print the effective limits (defaults overlaid with stored values)')
    .option('--data-dir <dir>', 'where the local store lives')
    .action(async (options: { dataDir?: string }) => {
      const effective = await withStore(options.dataDir, (store) => resolveSecurityOptions(storedSecurity(store.settings)));
      process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
    });
  security
    .command('set')
    .description('store new limits, applied at the next serve: security set maxBodyBytes=524288 statementTimeoutMs=5000')
    .argument('<key=value...>')
    .option('--data-dir <dir>', 'where the local store lives')
    .action(async (assignments: string[], options: { dataDir?: string }) => {
      const changes = Object.fromEntries(assignments.map(parseAssignment));
      const effective = await withStore(options.dataDir, (store) => updateSecurity(store.settings, changes));
      process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
    });
}
