/**
 * Compressed request bodies through the real server (`serve` on the SQLite demo): gzip, deflate and
 * br are decompressed with the 256 KB cap applied to the decompressed bytes while inflating, so a
 * zip bomb is refused at the cap (413) without the server ever holding more; other codings → 415,
 * bytes that do not decompress → 400.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

let demo: DemoDatabase;
let api: SecureServer;
let auth: Record<string, string>;

beforeAll(async () => {
  demo = await createSqliteDemo();
  api = await startSecureServer(demo.url);
  const { token } = api.token({ scopes: ['rest', 'graphql', 'write'], read: ['leads'], create: ['leads'] });
  auth = bearer(token);
});

afterAll(async () => {
  await api?.close();
  await demo?.drop();
});

const lead = (name: string) => JSON.stringify({ name, status: 1, source: 1, assigned: 0, addedfrom: 0 });

/** POSTs `body` byte for byte (already encoded) with `encoding`. */
async function post(path: string, body: Buffer, encoding: string | undefined) {
  const res = await fetch(`${api.url}${path}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: {
      ...auth,
      'content-type': 'application/json',
      ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
    },
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

const CODECS: readonly [string, (b: Buffer) => Buffer][] = [
  ['gzip', (b) => zlib.gzipSync(b)],
  ['x-gzip', (b) => zlib.gzipSync(b)],
  ['deflate', (b) => zlib.deflateSync(b)],
  ['deflate (raw, as some clients send it)', (b) => zlib.deflateRawSync(b)],
  ['br', (b) => zlib.brotliCompressSync(b)],
];

describe('Content-Encoding on request bodies', () => {
  it.each(CODECS)('%s: decompressed and created', async (label, encode) => {
    const name = `Compressed ${label}`;
    const r = await post('/api/v1/leads', encode(Buffer.from(lead(name))), label.split(' ')[0]);
    expect(r.status, r.text).toBe(201);
    expect(r.body.data.name).toBe(name);
  });

  it('identity, or none, is the body as sent', async () => {
    expect((await post('/api/v1/leads', Buffer.from(lead('Identity')), 'identity')).status).toBe(201);
    expect((await post('/api/v1/leads', Buffer.from(lead('Plain')), undefined)).status).toBe(201);
  });

  it('GraphQL reads a gzip body too', async () => {
    const query = JSON.stringify({ query: '{ leads(limit: 1) { id } }' });
    const r = await post('/api/v1/graphql', zlib.gzipSync(query), 'gzip');
    expect(r.status, r.text).toBe(200);
    expect(r.body.data.leads).toHaveLength(1);
  });

  it.each(['x-nope', 'compress', 'gzip, br', 'zstd'])('Content-Encoding %s → 415 PAS134, nothing written', async (coding) => {
    const name = `Refused ${coding}`;
    const r = await post('/api/v1/leads', zlib.gzipSync(lead(name)), coding);
    expect([r.status, r.body.code], r.text).toEqual([415, 'PAS134']);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.hint).toMatch(/gzip, deflate or br/);
    const found = await api.request('GET', `/api/v1/leads?filter[name]=${encodeURIComponent(name)}`, undefined, auth);
    expect(found.body.meta.total).toBe(0);
  });

  it('bytes that do not decompress → 400 PAS135', async () => {
    const r = await post('/api/v1/leads', Buffer.from(lead('Not gzip')), 'gzip');
    expect([r.status, r.body.code], r.text).toEqual([400, 'PAS135']);
    const truncated = zlib.gzipSync(lead('Truncated')).subarray(0, 20);
    expect((await post('/api/v1/leads', truncated, 'gzip')).body.code).toBe('PAS135');
  });

  it('the 256 KB cap applies after decompression: 300 KB of JSON in 1 KB of gzip → 413 PAS116', async () => {
    const big = Buffer.from(JSON.stringify({ name: 'x'.repeat(300 * 1024), status: 1 }));
    const compressed = zlib.gzipSync(big);
    expect(compressed.length).toBeLessThan(2048);
    const r = await post('/api/v1/leads', compressed, 'gzip');
    expect([r.status, r.body.code], r.text).toEqual([413, 'PAS116']);
    expect(r.body.detail).toContain('decompresses to more than');
  });

  it.each([
    ['gzip', () => zlib.gzipSync(Buffer.alloc(128 * 1024 * 1024), { level: 9 })],
    [
      'br',
      () =>
        zlib.brotliCompressSync(Buffer.alloc(256 * 1024 * 1024), {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 },
        }),
    ],
  ])('a %s zip bomb (hundreds of MB of zeros) stops at the cap: fast, without the memory', async (coding, bomb) => {
    const compressed = bomb();
    expect(compressed.length).toBeLessThan(256 * 1024);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const r = await post('/api/v1/leads', compressed, coding);
    const ms = performance.now() - started;
    const grownMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect([r.status, r.body.code], r.text).toEqual([413, 'PAS116']);
    expect(ms).toBeLessThan(1000);
    // The server runs in this process: inflating the bomb fully would add 128/256 MB.
    expect(grownMb).toBeLessThan(64);
    if (process.env.PAS_OUTAGE_FIGURES === '1')
      console.warn(`${coding} bomb of ${compressed.length} bytes refused in ${ms.toFixed(1)} ms, RSS +${grownMb.toFixed(1)} MB`);
  });
});
