/**
 * Which database the API serves, and switching it from the Studio: `activate` starts a job (connect →
 * introspect → build catalog → ready) that the Studio polls for progress; the engine host swaps the
 * database only when all steps succeeded, so a failed switch leaves the current one serving. The
 * active connection is remembered in the store's settings for the next launch (`launchTarget`).
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { ActiveConnection, Job, JobStep, ProblemBody } from '../../src-shared/admin-api.ts';
import type { EngineHost, EngineTarget, SwitchStep } from '../engine/engine-host.ts';
import { Problem, problemBody } from '../errors/problem.ts';
import type { DatabaseSwitch } from '../http/admin/admin-context.ts';
import { prefixOf } from '../store/connections-repo.ts';
import type { Store } from '../store/open-store.ts';
import { randomId } from '../store/random-id.ts';
import { connectionProblem } from './connection-problem.ts';
import { parseConnectionUrl } from '../db/connect.ts';

/** The settings key of the connection to serve at the next launch (`demo` or a connection id). */
export const ACTIVE_CONNECTION_SETTING = 'connections.active';
export const DEMO_ID = 'demo';
export const DEMO_NAME = 'Demo database';
/** The launch's `--db`, which is not a stored connection. */
export const CLI_ID = 'cli';

const KEPT_JOBS = 20;

/** The steps of a switch, with their share of the progress bar. */
const STEPS: readonly { readonly key: SwitchStep | 'ready'; readonly name: string; readonly weight: number }[] = [
  { key: 'connect', name: 'connect', weight: 0.2 },
  { key: 'introspect', name: 'introspect', weight: 0.45 },
  { key: 'catalog', name: 'build catalog', weight: 0.25 },
  { key: 'ready', name: 'ready', weight: 0.1 },
];

/** The engine target of a stored connection; PAS610 when there is none with this id. */
export function storedTarget(store: Store, id: string): EngineTarget {
  const record = store.connections.get(id);
  if (record === undefined) throw new Problem('PAS610', `there is no connection with id \`${id.slice(0, 64)}\``);
  const url = store.connections.url(id);
  const prefix = prefixOf(url);
  return { id, name: record.name, url, ...(prefix === null ? {} : { prefix }) };
}

export function demoTarget(file: string): EngineTarget {
  return { id: DEMO_ID, name: DEMO_NAME, url: `sqlite:${file}` };
}

/** The problem a failed switch reports: the connection's own diagnosis, else "cannot use this database". */
function switchProblem(error: unknown, target: EngineTarget): Problem {
  if (error instanceof Problem) return error;
  const aim = parseConnectionUrl(target.url);
  if (aim.kind === 'mysql') {
    const problem = connectionProblem(error, { host: aim.host, port: aim.port, user: aim.user, database: aim.database, tls: aim.ssl });
    if (problem !== null) return problem;
  }
  return new Problem('PAS618', `"${target.name}" could not be read: ${String((error as Error).message ?? error).slice(0, 300)}`, { cause: error });
}

export interface DatabaseSwitchDeps {
  readonly engine: EngineHost;
  readonly store: Store;
  readonly logger: Logger;
  /** The demo database's file (created on first use). */
  readonly demoFile: () => Promise<string>;
  /** Why the launch serves another database than the stored active one (it failed to open), if so. */
  readonly launchNotice?: string | undefined;
  /** Told before a switch to `target` starts (serve revokes the demo token before another database is served). */
  readonly onSwitching?: (target: EngineTarget) => void;
}

interface RunningJob {
  readonly id: string;
  state: Job['state'];
  readonly steps: { name: string; key: string; state: JobStep['state']; detail?: string }[];
  error?: ProblemBody;
  result?: ActiveConnection;
  readonly startedAt: string;
  finishedAt?: string;
}

function progressOf(job: RunningJob): number {
  let total = 0;
  job.steps.forEach((step, i) => {
    const weight = STEPS[i]?.weight ?? 0;
    if (step.state === 'done') total += weight;
    else if (step.state === 'running') total += weight / 2;
  });
  return job.state === 'done' ? 1 : Math.round(total * 100) / 100;
}

function snapshot(job: RunningJob): Job {
  return {
    id: job.id,
    kind: 'activate-connection',
    state: job.state,
    steps: job.steps.map(({ name, state, detail }) => (detail === undefined ? { name, state } : { name, state, detail })),
    progress: progressOf(job),
    ...(job.error === undefined ? {} : { error: job.error }),
    ...(job.result === undefined ? {} : { result: job.result }),
    startedAt: job.startedAt,
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
  };
}

export function createDatabaseSwitch(deps: DatabaseSwitchDeps): DatabaseSwitch {
  const { engine, store, logger } = deps;
  const jobs = new Map<string, RunningJob>();
  let notice = deps.launchNotice;

  function active(): ActiveConnection {
    const { catalog, target } = engine;
    // A stored connection may have been renamed since it was activated.
    const name = target.id === DEMO_ID || target.id === CLI_ID ? target.name : (store.connections.get(target.id)?.name ?? target.name);
    return {
      id: target.id,
      name,
      dialect: catalog.dialect,
      database: catalog.database,
      resources: catalog.resources.length,
      ...(notice === undefined ? {} : { notice }),
    };
  }

  async function run(job: RunningJob, target: EngineTarget | Promise<EngineTarget>): Promise<void> {
    const step = (key: string) => job.steps.find((s) => s.key === key)!;
    let resolved: EngineTarget | undefined;
    try {
      resolved = await target;
      deps.onSwitching?.(resolved);
      await engine.switchTo(resolved, (key, state, detail) => {
        const s = step(key);
        s.state = state;
        if (detail !== undefined) s.detail = detail;
      });
      store.settings.set(ACTIVE_CONNECTION_SETTING, resolved.id);
      notice = undefined;
      const ready = step('ready');
      ready.state = 'done';
      job.result = active();
      ready.detail = `serving ${job.result.resources} resources`;
      job.state = 'done';
      logger.info(`database switched to "${resolved.name}" (${engine.driver.description}): ${job.result.resources} resources`);
    } catch (error) {
      const problem = resolved === undefined ? (error instanceof Problem ? error : new Problem('PAS618', String((error as Error).message ?? error))) : switchProblem(error, resolved);
      const failed = job.steps.find((s) => s.state === 'running') ?? job.steps.find((s) => s.state === 'pending');
      if (failed !== undefined) {
        failed.state = 'failed';
        failed.detail = problem.detail;
      }
      job.error = problemBody(problem, `/admin/api/jobs/${job.id}`) as unknown as ProblemBody;
      job.state = 'failed';
      logger.warn(`switching the database failed, still serving "${engine.target.name}": ${problem.detail}`);
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  return {
    active,
    activate(connectionId) {
      // Checked before the job starts, so an unknown id is a 404 and not a failed job.
      const target = connectionId === DEMO_ID ? deps.demoFile().then(demoTarget) : storedTarget(store, connectionId);
      const job: RunningJob = {
        id: randomId('job'),
        state: 'running',
        // Connecting starts at once (the demo file may first be created), so the first answer shows it running.
        steps: STEPS.map(({ key, name }, i) => ({ key, name, state: i === 0 ? ('running' as const) : ('pending' as const) })),
        startedAt: new Date().toISOString(),
      };
      jobs.set(job.id, job);
      while (jobs.size > KEPT_JOBS) jobs.delete(jobs.keys().next().value as string);
      void run(job, target);
      return snapshot(job);
    },
    job(id) {
      const job = jobs.get(id);
      return job === undefined ? undefined : snapshot(job);
    },
  };
}

/** The database a launch serves, and why it is not the stored active one when that failed. */
export interface LaunchDatabase {
  readonly engine: EngineHost;
  readonly notice?: string;
}

/**
 * What a launch serves: an explicit `--db` wins (its errors stop the launch, as before); otherwise the
 * stored active connection; otherwise the demo. A stored connection that fails to open (server down,
 * password changed) is logged and the demo is served instead, so the app always opens.
 */
export async function openLaunchDatabase(params: {
  readonly db: string | undefined;
  /** `--prefix`: overrides the table prefix for this run. */
  readonly prefix: string | undefined;
  readonly store: Store;
  readonly logger: Logger;
  readonly demoFile: () => Promise<string>;
  readonly open: (target: EngineTarget) => Promise<EngineHost>;
}): Promise<LaunchDatabase> {
  const withPrefix = (target: EngineTarget): EngineTarget => (params.prefix === undefined ? target : { ...target, prefix: params.prefix });
  if (params.db !== undefined) {
    const aim = parseConnectionUrl(params.db);
    const name = aim.kind === 'mysql' ? `${aim.database} on ${aim.host}:${aim.port}` : path.basename(aim.file);
    return { engine: await params.open(withPrefix({ id: CLI_ID, name, url: params.db })) };
  }
  const stored = params.store.settings.get<string>(ACTIVE_CONNECTION_SETTING);
  let notice: string | undefined;
  if (stored !== undefined && stored !== DEMO_ID) {
    let target: EngineTarget | undefined;
    try {
      target = storedTarget(params.store, stored);
      return { engine: await params.open(withPrefix(target)) };
    } catch (error) {
      const problem = target === undefined ? (error instanceof Problem ? error : new Problem('PAS618', String((error as Error).message))) : switchProblem(error, target);
      const name = target?.name ?? stored;
      notice = `The active connection "${name}" could not be opened at launch (${problem.detail}); the demo database is served instead.`;
      params.logger.warn(notice);
    }
  }
  const file = await params.demoFile();
  const engine = await params.open(withPrefix(demoTarget(file)));
  return notice === undefined ? { engine } : { engine, notice };
}
