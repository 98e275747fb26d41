/**
 * `perfex-api-studio security show|set`: the data API's limits stored in the local store — the
 * security pipeline's (`maxBodyBytes=…`) and GraphQL's (`graphql.maxDepth=…`), applied at the next serve.
 */
import type { Command } from 'commander';
import { effectiveLimits, updateLimits, type LimitSection } from '../settings/limit-settings.ts';
import { withStore } from './with-store.ts';

/** `maxBodyBytes=524288` → security; `graphql.introspection=false` → graphql; `key=default` resets. */
function parseAssignment(text: string): { section: LimitSection; key: string; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`"${text}" is not key=value (e.g. maxBodyBytes=524288, graphql.maxDepth=10, or key=default to reset)`);
  const name = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  const [section, key] = name.startsWith('graphql.') ? (['graphql', name.slice(8)] as const) : (['security', name] as const);
  if (raw === 'default') return { section, key, value: null };
  if (raw === 'true' || raw === 'false') return { section, key, value: raw === 'true' };
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`"${raw}" is not a number, true or false`);
  return { section, key, value };
}

async function show(dataDir: string | undefined): Promise<void> {
  const limits = await withStore(dataDir, (store) => ({
    security: effectiveLimits(store.settings, 'security'),
    graphql: effectiveLimits(store.settings, 'graphql'),
  }));
  process.stdout.write(`${JSON.stringify(limits, null, 2)}\n`);
}

export function registerSecurityCommand(program: Command): void {
  const security = program.command('security').description('limits of the data API: body size, throttles, timeouts, audit retention, GraphQL limits');
  security
    .command('show')
    .description('print the limits in force (defaults overlaid with stored values)')
    .option('--data-dir <dir>', 'where the local store lives')
    .action(async (options: { dataDir?: string }) => show(options.dataDir));
  security
    .command('set')
    .description('store new limits, applied at the next serve: security set maxBodyBytes=524288 graphql.maxDepth=10')
    .argument('<key=value...>')
    .option('--data-dir <dir>', 'where the local store lives')
    .action(async (assignments: string[], options: { dataDir?: string }) => {
      const parsed = assignments.map(parseAssignment);
      await withStore(options.dataDir, (store) => {
        for (const section of ['security', 'graphql'] as const) {
          const changes = Object.fromEntries(parsed.filter((p) => p.section === section).map((p) => [p.key, p.value]));
          if (Object.keys(changes).length > 0) updateLimits(store.settings, section, changes);
        }
      });
      await show(options.dataDir);
    });
}
