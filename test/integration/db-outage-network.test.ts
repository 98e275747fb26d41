/**
 * Network faults between the server and a private MariaDB, made by a TCP proxy the test controls:
 * - the reply to COMMIT lost after the database committed, or the COMMIT itself lost, with the lost
 *   session left open on the server (as after a network cut): the server must end that session and
 *   read the rows back to tell the caller the truth (the normal answer if applied, 503 not-applied);
 * - every pooled connection silently forgotten by the network while idle (a laptop asleep, a NAT
 *   timeout): the next requests must succeed on fresh connections, not answer 503.
 * The proxy reads the client's MySQL packets (3-byte length, sequence id, payload; no TLS or
 * compression on this link) only to recognise `COMMIT` (COM_QUERY 0x03).
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PRIVATE_PASSWORD,
  PRIVATE_USER,
  privateMariadbAvailable,
  startPrivateDemo,
  type PrivateMariadb,
} from '../support/private-mariadb.ts';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';

const available = privateMariadbAvailable();

type CommitFault = 'pass' | 'lose-commit' | 'lose-reply';

interface Link {
  readonly client: net.Socket;
  readonly upstream: net.Socket;
  /** Set by `forgetAll`: the network dropped this link; the client's next byte meets a reset. */
  forgotten: boolean;
  /** A COMMIT was forwarded and its reply must be swallowed. */
  swallowReply: boolean;
}

/** A TCP proxy in front of MariaDB whose faults the test switches on. */
class FaultProxy {
  readonly links = new Set<Link>();
  /** Links whose server-side session is deliberately kept open after the client side was cut. */
  private readonly holding = new Set<Link>();
  /** What happens to the next COMMIT (then back to `pass`). */
  commitFault: CommitFault = 'pass';
  private server: net.Server;

  private constructor(
    private readonly targetPort: number,
    readonly port: number,
    server: net.Server,
  ) {
    this.server = server;
  }

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(targetPort, (server.address() as net.AddressInfo).port, server);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    const link: Link = { client, upstream, forgotten: false, swallowReply: false };
    this.links.add(link);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk) => {
      if (link.forgotten) {
        client.resetAndDestroy();
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const size = pending.readUIntLE(0, 3);
        if (pending.length < 4 + size) break;
        const packet = pending.subarray(0, 4 + size);
        pending = pending.subarray(4 + size);
        if (!this.forward(link, packet)) return;
      }
    });
    upstream.on('data', (chunk) => {
      if (link.swallowReply) {
        // The database committed and answered; the answer never arrives. The server-side session stays.
        link.swallowReply = false;
        client.destroy();
        return;
      }
      if (!client.destroyed) client.write(chunk);
    });
    upstream.on('close', () => {
      if (!link.forgotten) client.destroy();
      this.links.delete(link);
    });
    client.on('close', () => {
      // A link cut by a fault keeps its server-side session open, as a network failure would.
      if (!link.forgotten && !this.holding.has(link)) upstream.end();
    });
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }

  /** Forwards one client packet; false when the link was cut. */
  private forward(link: Link, packet: Buffer): boolean {
    const isCommit = packet[4] === 0x03 && packet.subarray(5).toString('utf8').trim().toUpperCase() === 'COMMIT';
    if (isCommit && this.commitFault !== 'pass') {
      const fault = this.commitFault;
      this.commitFault = 'pass';
      this.holding.add(link);
      if (fault === 'lose-commit') {
        link.client.destroy();
        return false;
      }
      link.swallowReply = true;
    }
    link.upstream.write(packet);
    return true;
  }

  /** The network forgets every open link: sessions end on the server; clients learn it on their next write. */
  forgetAll(): void {
    for (const link of this.links) {
      link.forgotten = true;
      link.upstream.destroy();
    }
  }

  /** Ends the sessions kept open after a cut (what the server must not rely on). */
  releaseHeld(): void {
    for (const link of this.holding) link.upstream.destroy();
    this.holding.clear();
  }

  async close(): Promise<void> {
    for (const link of this.links) {
      link.client.destroy();
      link.upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const newLead = (name: string) => ({ name, company: 'Proxy Ltd', status: 1, source: 1, addedfrom: 1 });

describe.skipIf(!available)('network faults between the server and MariaDB', () => {
  let db: PrivateMariadb;
  let proxy: FaultProxy;
  let api: SecureServer;
  let auth: Record<string, string>;

  const leadRow = async (id: number) =>
    ((await db.sql('SELECT name, company FROM perfex.tblleads WHERE id = ?', [id])) as Record<string, unknown>[])[0];
  const sessions = async (): Promise<number> =>
    Number(
      (
        (await db.sql("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = 'pas'")) as { n: number }[]
      )[0]?.n,
    );

  beforeAll(async () => {
    db = await startPrivateDemo();
    proxy = await FaultProxy.start(db.port);
    api = await startSecureServer(`mysql://${PRIVATE_USER}:${PRIVATE_PASSWORD}@127.0.0.1:${proxy.port}/perfex`, {
      statementTimeoutMs: 2000,
    });
    const { token } = api.token({
      scopes: ['rest', 'graphql', 'write'],
      read: '*',
      create: ['leads'],
      update: ['leads'],
      delete: ['leads'],
    });
    auth = bearer(token);
  });

  afterEach(() => {
    proxy.commitFault = 'pass';
    proxy.releaseHeld();
  });

  afterAll(async () => {
    await api?.close();
    await proxy?.close();
    await db?.destroy();
  });

  it('the reply to COMMIT is lost after the database committed: the server ends the lost session, reads the row back and answers normally', async () => {
    const created = await api.request('POST', '/api/v1/leads', newLead('Reply Lost'), auth);
    expect(created.status).toBe(201);
    const id = created.body.data.id as number;

    proxy.commitFault = 'lose-reply';
    const started = performance.now();
    const patch = await api.request('PATCH', `/api/v1/leads/${id}`, { company: 'Committed Anyway' }, auth);
    expect(patch.status, patch.text).toBe(200);
    expect(patch.body.data).toMatchObject({ id, name: 'Reply Lost', company: 'Committed Anyway' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await leadRow(id)).toEqual({ name: 'Reply Lost', company: 'Committed Anyway' });

    proxy.commitFault = 'lose-reply';
    const del = await api.request('DELETE', `/api/v1/leads/${id}`, undefined, auth);
    expect(del.status, del.text).toBe(204);
    expect(await leadRow(id)).toBeUndefined();

    proxy.commitFault = 'lose-reply';
    const gql = await api.request(
      'POST',
      '/api/v1/graphql',
      {
        query:
          'mutation { createLead(input: {name: "Reply Lost GraphQL", status: 1, source: 1, addedfrom: 1}) { success row { id name } } }',
      },
      auth,
    );
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.createLead).toMatchObject({ success: true, row: { name: 'Reply Lost GraphQL' } });
    expect(await leadRow(gql.body.data.createLead.row.id)).toEqual({ name: 'Reply Lost GraphQL', company: null });
  });

  it('the COMMIT itself is lost: the server kills the lingering session, finds nothing written and says not-applied', async () => {
    proxy.commitFault = 'lose-commit';
    const r = await api.request('POST', '/api/v1/leads', newLead('Commit Lost'), auth);
    expect(r.status, r.text).toBe(503);
    expect(r.body).toMatchObject({ code: 'PAS501', outcome: 'not-applied' });
    expect(await db.sql("SELECT COUNT(*) AS n FROM perfex.tblleads WHERE name = 'Commit Lost'")).toEqual([{ n: 0 }]);

    const created = await api.request('POST', '/api/v1/leads', newLead('Delete Lost'), auth);
    proxy.commitFault = 'lose-commit';
    const del = await api.request('DELETE', `/api/v1/leads/${created.body.data.id}`, undefined, auth);
    expect(del.body).toMatchObject({ code: 'PAS501', outcome: 'not-applied' });
    expect(await leadRow(created.body.data.id)).toEqual({ name: 'Delete Lost', company: 'Proxy Ltd' });
    // The lingering sessions were killed, so their locks are gone: the row can be written at once.
    const after = await api.request('PATCH', `/api/v1/leads/${created.body.data.id}`, { company: 'Unlocked' }, auth);
    expect(after.status).toBe(200);
  });

  it('every pooled connection forgotten by the network while idle: the next reads and writes succeed on fresh connections', async () => {
    const burst = () =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api.request('GET', `/api/v1/leads?per_page=1&page=${i + 1}`, undefined, auth),
        ),
      );
    expect((await burst()).map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(api.serving.engine.driver.poolState()?.idle).toBeGreaterThan(1);

    proxy.forgetAll();
    const read = await api.request('GET', '/api/v1/leads?per_page=1', undefined, auth);
    expect(read.status, read.text).toBe(200);
    proxy.forgetAll();
    const write = await api.request('POST', '/api/v1/leads', newLead('After The Blip'), auth);
    expect(write.status, write.text).toBe(201);
    expect((await burst()).map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await sessions()).toBeLessThanOrEqual(10);
  });
});
