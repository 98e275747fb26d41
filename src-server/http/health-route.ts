/**
 * `GET /api/v1/health`: is the server up and does its database answer? No token and no CRM data, so
 * load balancers, Docker health checks and the Studio can poll it. Format: the IETF API health draft
 * (`application/health+json`, status pass/fail). The database probe is shared for one second so a
 * tight polling loop cannot turn into database load. During a database outage it answers 503 `fail`
 * within the probe timeout, with the driver's error code in `output` and `since` (when the database
 * last changed between up and down); a MySQL pool also reports its connections, which return to
 * normal by themselves once the database is back.
 */
import type { Request, Response } from 'express';
import type { Driver } from '../db/driver.ts';

const PROBE_TTL_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

interface Probe {
  readonly at: number;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

async function probe(driver: Driver): Promise<Probe> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      driver.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { at: Date.now(), ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return {
      at: Date.now(),
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: e.code ?? e.message ?? 'unknown error',
    };
  } finally {
    clearTimeout(timer);
  }
}

export function healthHandler(driver: Driver, startedAt = Date.now()) {
  let last: Promise<Probe> | undefined;
  let lastAt = 0;
  let state: { ok: boolean; since: number } | undefined;
  return async (_req: Request, res: Response): Promise<void> => {
    if (last === undefined || Date.now() - lastAt > PROBE_TTL_MS) {
      lastAt = Date.now();
      last = probe(driver);
    }
    const db = await last;
    if (state === undefined || state.ok !== db.ok) state = { ok: db.ok, since: db.at };
    const pool = driver.poolState();
    res.status(db.ok ? 200 : 503);
    res.setHeader('Content-Type', 'application/health+json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(
      JSON.stringify({
        status: db.ok ? 'pass' : 'fail',
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        checks: {
          'database:responseTime': [
            {
              componentType: 'datastore',
              componentId: driver.dialect,
              status: db.ok ? 'pass' : 'fail',
              observedValue: db.latencyMs,
              observedUnit: 'ms',
              time: new Date(db.at).toISOString(),
              since: new Date(state.since).toISOString(),
              ...(db.error === undefined ? {} : { output: db.error }),
            },
          ],
          ...(pool === null
            ? {}
            : {
                'database:connections': [
                  {
                    componentType: 'datastore',
                    componentId: driver.dialect,
                    status: db.ok ? 'pass' : 'fail',
                    observedValue: pool.open,
                    observedUnit: 'connections',
                    idle: pool.idle,
                    waiting: pool.waiting,
                    limit: pool.limit,
                    time: new Date(db.at).toISOString(),
                  },
                ],
              }),
        },
      }),
    );
  };
}
