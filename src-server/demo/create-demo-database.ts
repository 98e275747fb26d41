/**
 * The demo Perfex database: real Perfex 3.4.1 tables filled with coherent, seeded fake data, on
 * MySQL/MariaDB or SQLite. `ensureDemoDatabase` keeps the app's embedded SQLite copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Driver } from '../db/driver.ts';
import { createSqliteDriver } from '../db/sqlite-driver.ts';
import { createDemoTables } from './create-demo-tables.ts';
import { atTime, dayFromIso } from './demo-calendar.ts';
import { demoCounts } from './demo-counts.ts';
import type { DemoEnv } from './demo-env.ts';
import { DemoRandom } from './demo-random.ts';
import { demoTimelines } from './demo-timelines.ts';
import { generateCustomFieldValues } from './generate-custom-field-values.ts';
import { generateActivityLog } from './generate-activity-log.ts';
import { generateClients } from './generate-clients.ts';
import { generateContracts } from './generate-contracts.ts';
import { generateCreditNotes } from './generate-credit-notes.ts';
import { generateEstimates } from './generate-estimates.ts';
import { generateExpenses } from './generate-expenses.ts';
import { generateInvoices } from './generate-invoices.ts';
import { generateLeads } from './generate-leads.ts';
import { generateLookups } from './generate-lookups.ts';
import { generateNotes } from './generate-notes.ts';
import { generateProjects, projectsByClient } from './generate-projects.ts';
import { generateProposals } from './generate-proposals.ts';
import { generateStaff } from './generate-staff.ts';
import { generateSubscriptions } from './generate-subscriptions.ts';
import { generateTasks } from './generate-tasks.ts';
import { generateTickets } from './generate-tickets.ts';
import { IdAllocator } from './id-allocator.ts';
import { ProgressTracker, type DemoProgressListener } from './progress-tracker.ts';
import { RowWriter } from './row-writer.ts';

/** The seed of the embedded demo and of the CLI default. */
export const DEFAULT_DEMO_SEED = 42;
/** The demo's "today" unless told otherwise. */
export const DEFAULT_ANCHOR_DATE = '2026-06-30';
/** Parent entities per batch (one transaction), and the most rows any INSERT carries. */
export const DEMO_BATCH_SIZE = 500;
/** Bumped when the generated data changes, so an embedded demo file from an older release is rebuilt. */
export const DEMO_FORMAT_VERSION = 1;
/** File name of the embedded demo database inside the data directory. */
export const DEMO_FILE_NAME = 'perfex-demo.db';

/** Options of createDemoDatabase. */
export interface DemoOptions {
  /** 1 ≈ 150 customers and 1,500 invoices; 100 ≈ 150,000 invoices. */
  readonly scale?: number;
  readonly seed?: number;
  /** The demo's "today" (YYYY-MM-DD): the same seed and anchor give the same rows on any day. */
  readonly anchorDate?: string;
  readonly onProgress?: DemoProgressListener;
}

/** What createDemoDatabase wrote. */
export interface DemoSummary {
  readonly dialect: Driver['dialect'];
  readonly scale: number;
  readonly seed: number;
  readonly anchorDate: string;
  /** Rows written per table (every demo table, 0 included). */
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly durationMs: number;
}

/** Drops and re-creates the demo tables on `driver`, then fills them. */
export async function createDemoDatabase(driver: Driver, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const anchorDate = options.anchorDate ?? DEFAULT_ANCHOR_DATE;
  const anchorDay = dayFromIso(anchorDate);
  const counts = demoCounts(scale);
  const progress = new ProgressTracker(
    Object.values(counts).reduce((sum, n) => sum + n, 0),
    options.onProgress,
  );
  progress.startPhase('schema');
  await createDemoTables(driver);
  const env: DemoEnv = {
    seed,
    random: new DemoRandom(seed),
    counts,
    anchorDay,
    now: atTime(anchorDay, 19 * 3600),
    timelines: demoTimelines(counts, anchorDay),
    writer: new RowWriter(driver, DEMO_BATCH_SIZE, progress),
    ids: new IdAllocator(),
  };
  const phase = (name: string): void => progress.startPhase(name);

  phase('lookups');
  await generateLookups(env);
  phase('staff');
  const staff = await generateStaff(env);
  phase('clients');
  const { directory: clients, convertedLeads } = await generateClients(env, staff);
  phase('leads');
  const leads = await generateLeads(env, staff, clients, convertedLeads);
  phase('projects');
  const projects = await generateProjects(env, staff, clients);
  const projectsOf = projectsByClient(projects);
  phase('subscriptions');
  const subscriptionsOf = await generateSubscriptions(env, staff, clients, projectsOf);
  phase('contracts');
  await generateContracts(env, staff, clients, projectsOf);
  phase('invoices');
  const invoices = await generateInvoices(env, { staff, clients, projectsOf, subscriptionsOf });
  phase('estimates');
  const estimates = await generateEstimates(env, { staff, clients, projectsOf, invoices });
  phase('proposals');
  await generateProposals(env, { staff, clients, leads, estimates, invoices });
  phase('credit notes');
  await generateCreditNotes(env, staff, clients, projectsOf);
  phase('expenses');
  await generateExpenses(env, { staff, clients, projectsOf, invoices });
  phase('tickets');
  await generateTickets(env, staff, clients, projectsOf);
  phase('tasks');
  await generateTasks(env, { staff, clients, projects, invoices });
  phase('notes');
  await generateNotes(env, staff);
  phase('custom fields');
  await generateCustomFieldValues(env);
  phase('activity log');
  await generateActivityLog(env, staff, clients);
  progress.finish();

  const rowCounts = env.writer.rowCounts();
  return {
    dialect: driver.dialect,
    scale,
    seed,
    anchorDate,
    rowCounts,
    totalRows: Object.values(rowCounts).reduce((sum, n) => sum + n, 0),
    durationMs: Math.round(performance.now() - started),
  };
}

/** The user_version of an existing SQLite file, or null when it is missing or unreadable. */
function demoFileVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Removes a SQLite file's side files (WAL, shared memory, rollback journal), and the file too if asked. */
function removeSqliteFiles(file: string, includeMain = true): void {
  for (const suffix of [...(includeMain ? [''] : []), '-wal', '-shm', '-journal'])
    fs.rmSync(file + suffix, { force: true });
}

/** Whether process `pid` still runs (EPERM: it does, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes temporary demo files left by runs that were killed (their process is gone). */
function removeStaleTemps(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    const match = /^perfex-demo\.db\.(\d+)\.tmp$/.exec(name);
    if (match !== null && !processAlive(Number(match[1]))) removeSqliteFiles(path.join(dataDir, name));
  }
}

/**
 * The path of `<dataDir>/perfex-demo.db`, generated (scale 1, default seed) the first time, or
 * again when it comes from an older generator. It is built in a temporary file and renamed into
 * place, so an interrupted first run never leaves a half-filled demo behind.
 */
export async function ensureDemoDatabase(
  dataDir: string,
  options: Pick<DemoOptions, 'onProgress'> = {},
): Promise<string> {
  const file = path.join(dataDir, DEMO_FILE_NAME);
  if (demoFileVersion(file) === DEMO_FORMAT_VERSION) return file;
  fs.mkdirSync(dataDir, { recursive: true });
  removeStaleTemps(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  removeSqliteFiles(temp);
  const driver = createSqliteDriver(temp);
  try {
    await createDemoDatabase(driver, options);
    await driver.run(`PRAGMA user_version = ${DEMO_FORMAT_VERSION}`);
  } catch (error) {
    await driver.close();
    removeSqliteFiles(temp);
    throw error;
  }
  // Closing checkpoints the WAL into the main file, which can then move alone.
  await driver.close();
  // A stale WAL next to the new file would be replayed into it: drop the old side files first.
  removeSqliteFiles(file, false);
  fs.renameSync(temp, file);
  return file;
}
