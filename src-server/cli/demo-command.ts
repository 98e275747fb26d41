/** `perfex-api-studio demo create`: generate the demo Perfex database into SQLite or MySQL/MariaDB. */
import path from 'node:path';
import type { Command } from 'commander';
import { connect } from '../db/connect.ts';
import { createDemoDatabase } from '../demo/create-demo-database.ts';
import { createCliProgress } from '../demo/demo-progress.ts';

interface DemoOptions {
  readonly scale: string;
  readonly seed: string;
  readonly db?: string;
  readonly file?: string;
}

export function registerDemoCommand(program: Command): void {
  const demo = program.command('demo').description('the demo Perfex database');
  demo
    .command('create')
    .description('create and fill the core Perfex tables with realistic fake data (fixed seed)')
    .option('--scale <n>', 'size: 1 ≈ 150 clients and 1,500 invoices; 100 ≈ 150,000 invoices', '1')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '42')
    .option('--db <url>', 'target database URL (mysql://… or sqlite:…)')
    .option('--file <path>', 'target SQLite file (default: ./perfex-demo.db)')
    .action(async (options: DemoOptions) => {
      const scale = Number(options.scale);
      const seed = Number(options.seed);
      if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`--scale must be a positive number, got "${options.scale}"`);
      if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${options.seed}"`);
      if (options.db !== undefined && options.file !== undefined) throw new Error('give either --db or --file, not both');
      const url = options.db ?? `sqlite:${path.resolve(options.file ?? 'perfex-demo.db')}`;
      const driver = await connect(url, { create: true });
      const progress = createCliProgress();
      try {
        const started = Date.now();
        const summary = await createDemoDatabase(driver, { scale, seed, onProgress: progress.update });
        progress.stop();
        const rows = Object.values(summary.rowCounts).reduce((a, b) => a + b, 0);
        process.stdout.write(`created ${Object.keys(summary.rowCounts).length} tables, ${rows} rows in ${driver.description} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      } finally {
        progress.stop();
        await driver.close();
      }
    });
}
