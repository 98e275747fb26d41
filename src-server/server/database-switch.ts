/**
 * INTERIM (replaced by the connections work in this session): reports the database the engine
 * serves; switching is not wired yet and says so.
 */
import type { Logger } from 'pino';
import type { ActiveConnection, Job } from '../../src-shared/admin-api.ts';
import type { Engine } from '../engine/engine.ts';
import { Problem } from '../errors/problem.ts';
import type { Store } from '../store/open-store.ts';
import type { DatabaseSwitch } from '../http/admin/admin-context.ts';

export function createDatabaseSwitch(deps: { engine: Engine; store: Store; demo: boolean; logger: Logger }): DatabaseSwitch {
  return {
    active(): ActiveConnection {
      const catalog = deps.engine.catalog;
      return { id: deps.demo ? 'demo' : 'cli', name: deps.demo ? 'Demo database' : catalog.database, dialect: catalog.dialect, database: catalog.database, resources: catalog.resources.length };
    },
    activate(): Job {
      throw new Problem('PAS901', 'switching connections is not wired yet');
    },
    job: () => undefined,
  };
}
