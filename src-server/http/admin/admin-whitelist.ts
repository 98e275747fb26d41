/**
 * `/admin/api/whitelist`: the Studio's whitelist editor. Every table of the database (exposed ones
 * from the catalog, the others with the reason they are not), one table's columns and relations,
 * and the changes: each is checked (`whitelist-edits.ts`), stored, then the catalog is rebuilt so
 * the running API serves it at once; the answer is what the new catalog serves, with its warnings.
 * Shapes: `src-shared/admin-api.ts`. Contains no SQL and no whitelist rules of its own.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { WhitelistOverview, WhitelistTableDetail } from '../../../src-shared/admin-api.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import type { ResolvedWhitelistConfig, WhitelistConfig } from '../../config/whitelist-config.ts';
import type { AdminContext } from './admin-context.ts';
import {
  planImport,
  planRelationAdd,
  planRelationRemove,
  planTableReset,
  planTableSettings,
  planTopLevel,
} from './whitelist-edits.ts';
import { allTables, findTable, relationInfo, tableDetail, whitelistState, type WhitelistState } from './whitelist-view.ts';

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

/** The query string as plain strings (the app turns Express's query parser off). */
function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.originalUrl, 'http://localhost').searchParams);
}

function overview(state: WhitelistState): WhitelistOverview {
  return {
    expose: state.config.expose,
    prefix: state.config.prefix ?? null,
    effectivePrefix: state.catalog.prefix,
    warnings: state.catalog.warnings ?? [],
  };
}

export function createAdminWhitelistRouter(ctx: AdminContext): Router {
  const router = express.Router();
  const current = (catalog: Catalog = ctx.engine.catalog): WhitelistState =>
    whitelistState(catalog, ctx.store.whitelist.get());

  /**
   * Stores `next` and rebuilds the catalog. The store write and the refresh call happen in the same
   * synchronous step (no await in between), so a refresh already running either reads this
   * whitelist or has finished: the catalog returned always includes the change.
   */
  async function apply(next: WhitelistConfig, what: string): Promise<WhitelistState> {
    ctx.store.whitelist.set(next);
    const refreshing = ctx.engine.refresh();
    const { catalog, added, removed, changed } = await refreshing;
    ctx.logger.info({ added, removed, changed }, `whitelist: ${what}`);
    return current(catalog);
  }

  const detailOf = (state: WhitelistState, table: string): WhitelistTableDetail =>
    tableDetail(state, findTable(state, table));

  router.get('/', (_req, res) => {
    res.json({ data: overview(current()) });
  });
  router.put('/', async (req, res) => {
    const next = planTopLevel(current(), req.body);
    res.json({ data: overview(await apply(next, `expose ${String(next.expose)}, prefix ${next.prefix ?? '(detected)'}`)) });
  });

  router.get('/tables', (_req, res) => {
    res.json({ data: allTables(current()) });
  });
  router.get('/tables/:table', (req, res) => {
    res.json({ data: detailOf(current(), param(req, 'table')) });
  });
  router.put('/tables/:table', async (req, res) => {
    const table = param(req, 'table');
    const next = planTableSettings(current(), table, req.body);
    res.json({ data: detailOf(await apply(next, `${table} changed`), table) });
  });
  router.delete('/tables/:table', async (req, res) => {
    const table = param(req, 'table');
    const next = planTableReset(current(), table);
    res.json({ data: detailOf(await apply(next, `${table} back to defaults`), table) });
  });

  router.get('/relations', (req, res) => {
    const state = current();
    const asked = queryOf(req).table;
    const only = asked === undefined ? undefined : findTable(state, state.catalog.byName.get(asked)?.table ?? asked).name;
    const relations = state.catalog.resources
      .filter((r) => only === undefined || r.table === only)
      .flatMap((r) => r.relations.map((rel) => relationInfo(r.table, rel)));
    res.json({ data: relations });
  });
  router.post('/relations', async (req, res) => {
    const body = req.body as { table?: unknown; column?: unknown } | undefined;
    const next = planRelationAdd(current(), req.body);
    const table = String(body?.table);
    res.status(201).json({ data: detailOf(await apply(next, `relation added on ${table}.${String(body?.column)}`), table) });
  });
  // DELETE with a JSON body (the contract) or ?table=&name= (clients that cannot send a body with DELETE).
  router.delete('/relations', async (req: Request, res: Response) => {
    const body: unknown = req.body !== undefined && Object.keys(req.body as object).length > 0 ? req.body : queryOf(req);
    const state = current();
    const next = planRelationRemove(state, body);
    const { table, name } = body as { table: string; name: string };
    const full = state.catalog.byName.get(table)?.table ?? table;
    res.json({ data: detailOf(await apply(next, `relation ${name} removed from ${full}`), full) });
  });

  router.get('/export', (_req, res) => {
    res.attachment('whitelist.json').type('application/json').send(ctx.store.whitelist.exportJson());
  });
  router.post('/import', async (req, res) => {
    const next: ResolvedWhitelistConfig = planImport(req.body) as ResolvedWhitelistConfig;
    res.json({ data: overview(await apply(next, 'imported')) });
  });
  return router;
}
