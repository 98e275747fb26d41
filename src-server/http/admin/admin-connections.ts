/**
 * `/admin/api/connections` and `/admin/api/jobs`: the Studio's connections screen. MySQL/MariaDB
 * connections are stored as one sealed URL (connections-repo.ts); the password is write-only (a
 * PATCH without one keeps it, no answer or log carries it). The demo database is listed first as
 * the built-in `demo` and cannot be edited or deleted. Activation answers 202 with a job to poll.
 */
import express, { type Router } from 'express';
import { z } from 'zod';
import type { ConnectionInfo } from '../../../src-shared/admin-api.ts';
import { DEMO_FILE_NAME } from '../../demo/create-demo-database.ts';
import { Problem } from '../../errors/problem.ts';
import { ACTIVE_CONNECTION_SETTING, DEMO_ID, DEMO_NAME } from '../../server/database-switch.ts';
import { probeConnection } from '../../server/probe-connection.ts';
import { connectionUrl, fieldsOf, prefixOf, type ConnectionFields, type ConnectionRecord } from '../../store/connections-repo.ts';
import type { AdminContext } from './admin-context.ts';
import { parseAdminBody, storeInput } from './parse-admin-body.ts';

const fields = {
  name: z.string().trim().min(1).max(100),
  host: z.string().trim().min(1).max(255).regex(/^[^\s/@?#]+$/, 'a host name or IP address, without scheme or path'),
  port: z.number().int().min(1).max(65535),
  user: z.string().min(1).max(80),
  password: z.string().max(200),
  database: z.string().min(1).max(64),
  prefix: z.string().max(32).regex(/^[A-Za-z0-9_]*$/, 'letters, digits and _ only (empty = detect)'),
  tls: z.boolean(),
};
const createBody = z.strictObject({ ...fields, password: fields.password.optional(), prefix: fields.prefix.optional(), tls: fields.tls.default(false) });
const patchBody = z.strictObject(fields).partial();
const testBody = z.union([createBody.omit({ name: true }).extend({ name: fields.name.optional() }), patchBody.omit({ name: true }).extend({ id: z.string().max(64), name: z.string().optional() })]);

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseAdminBody(schema, body, {
    code: 'PAS401',
    detail: () => 'the connection settings are not valid',
    hint: 'host, port (1–65535), user, database and name are required; password and prefix are optional; tls is true or false.',
  });
}

function unknownConnection(id: string): Problem {
  return new Problem('PAS610', `there is no connection with id \`${id.slice(0, 64)}\``);
}

function builtIn(action: string): Problem {
  return new Problem('PAS611', `the demo database is built in and cannot be ${action}`);
}

/** The form's fields with `patch` over them (no password in the patch = keep the stored one). */
function merged(current: ConnectionFields, patch: Partial<ConnectionFields>): ConnectionFields {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ConnectionFields>;
  return { ...current, ...defined };
}

export function createAdminConnectionsRouter(ctx: AdminContext): Router {
  const router = express.Router();
  const { connections } = ctx.store;

  const info = (record: ConnectionRecord, activeId: string): ConnectionInfo => ({
    id: record.id,
    name: record.name,
    builtIn: false,
    dialect: record.dialect,
    host: record.host,
    port: record.port,
    user: record.user,
    database: record.database,
    prefix: record.prefix,
    tls: record.tls,
    hasPassword: record.hasPassword,
    active: record.id === activeId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
  const demo = (activeId: string): ConnectionInfo => ({
    id: DEMO_ID,
    name: DEMO_NAME,
    builtIn: true,
    dialect: 'sqlite',
    host: null,
    port: null,
    user: null,
    database: DEMO_FILE_NAME,
    prefix: null,
    tls: false,
    hasPassword: false,
    active: activeId === DEMO_ID,
    createdAt: null,
    updatedAt: null,
  });
  const mysqlRecord = (id: string): ConnectionRecord => {
    if (id === DEMO_ID) throw builtIn('edited');
    const record = connections.get(id);
    if (record === undefined) throw unknownConnection(id);
    return record;
  };

  router.get('/', (_req, res) => {
    const activeId = ctx.databases.active().id;
    res.json({ data: [demo(activeId), ...connections.list().map((r) => info(r, activeId))] });
  });

  router.get('/:id', (req, res) => {
    const activeId = ctx.databases.active().id;
    if (req.params.id === DEMO_ID) return void res.json({ data: demo(activeId) });
    res.json({ data: info(mysqlRecord(req.params.id), activeId) });
  });

  router.post('/', (req, res) => {
    const body = parseBody(createBody, req.body);
    const url = connectionUrl({ ...body, password: body.password ?? '' });
    const record = storeInput(() => connections.add({ name: body.name, url }));
    ctx.logger.info(`connection "${record.name}" added (${record.redactedUrl})`);
    res.status(201).json({ data: info(record, ctx.databases.active().id) });
  });

  router.patch('/:id', (req, res) => {
    const record = mysqlRecord(req.params.id);
    const { name, ...patch } = parseBody(patchBody, req.body);
    const url = connectionUrl(merged(storeInput(() => fieldsOf(connections.url(record.id))), patch));
    const updated = storeInput(() => connections.update(record.id, { ...(name === undefined ? {} : { name }), url }));
    res.json({ data: info(updated, ctx.databases.active().id) });
  });

  router.delete('/:id', (req, res) => {
    const { id } = req.params;
    if (id === DEMO_ID) throw builtIn('deleted');
    const record = connections.get(id);
    if (record === undefined) throw unknownConnection(id);
    if (ctx.databases.active().id === id) throw new Problem('PAS612', `"${record.name}" is the database the API serves now`);
    connections.remove(id);
    // The stored choice may still name it (it failed at launch and the demo was served): the next launch serves the demo.
    if (ctx.store.settings.get<string>(ACTIVE_CONNECTION_SETTING) === id) ctx.store.settings.delete(ACTIVE_CONNECTION_SETTING);
    ctx.logger.info(`connection "${record.name}" deleted`);
    res.status(204).end();
  });

  router.post('/test', async (req, res) => {
    const body = parseBody(testBody, req.body);
    let url: string;
    if ('id' in body) {
      if (body.id === DEMO_ID) throw new Problem('PAS611', 'the demo database is built in and always available: there is nothing to test');
      const record = mysqlRecord(body.id);
      const { id: _id, name: _name, ...patch } = body;
      url = connectionUrl(merged(storeInput(() => fieldsOf(connections.url(record.id))), patch));
    } else {
      url = connectionUrl({ ...body, password: body.password ?? '' });
    }
    const result = await probeConnection(url, prefixOf(url) ?? undefined);
    res.json({ data: result });
  });

  router.post('/:id/activate', (req, res) => {
    const job = ctx.databases.activate(req.params.id);
    res.status(202).setHeader('Location', `/admin/api/jobs/${job.id}`);
    res.json({ data: job });
  });

  return router;
}

export function createAdminJobsRouter(ctx: AdminContext): Router {
  const router = express.Router();
  router.get('/:id', (req, res) => {
    const job = ctx.databases.job(req.params.id);
    if (job === undefined) throw new Problem('PAS619', `there is no job with id \`${req.params.id.slice(0, 64)}\``);
    res.json({ data: job });
  });
  return router;
}
