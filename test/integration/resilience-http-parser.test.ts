/**
 * Requests node's HTTP parser refuses, over raw sockets against the real server (`serve` on the
 * SQLite demo): a head over 16 KB → 431 PAS119, a malformed request → 400 PAS133, both problem+json;
 * never a second answer on a connection whose response is under way, no body for HEAD, and the
 * connection closed afterwards. (The fuzz in test/fuzz sends such requests on kept-alive sockets.)
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startSecureServer, type SecureServer } from '../support/secure-server.ts';
import { createSqliteDemo, type DemoDatabase } from '../support/test-server.ts';

let demo: DemoDatabase;
let api: SecureServer;
let port: number;
let token: string;

beforeAll(async () => {
  demo = await createSqliteDemo();
  api = await startSecureServer(demo.url);
  port = Number(new URL(api.url).port);
  token = api.token({ read: '*', create: '*' }).token;
});

afterAll(async () => {
  await api?.close();
  await demo?.drop();
});

/** Writes `parts` (one write each, `gapMs` apart) and returns all bytes received until the server closes. */
function exchange(parts: readonly (string | Buffer)[], gapMs = 50): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close the connection; got: ${answer.slice(0, 300)}`));
    }, 5000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined); // a reset still ends with 'close'
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits a byte stream into HTTP/1.1 answers (Content-Length framing only). */
function answers(stream: string): RawAnswer[] {
  const out: RawAnswer[] = [];
  let rest = stream;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`not an HTTP answer: ${rest.slice(0, 200)}`);
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1]);
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    out.push({ status, headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

function expectProblem(answer: RawAnswer | undefined, status: number, code: string): Record<string, unknown> {
  expect(answer?.status).toBe(status);
  expect(answer?.headers['content-type']).toContain('application/problem+json');
  expect(answer?.headers.connection).toBe('close');
  const body = JSON.parse(answer?.body ?? '') as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(String(body.hint).length).toBeGreaterThan(10);
  return body;
}

/** A HEAD through node's own client: it fails with a parse error if the answer carries a body. */
function headRequest(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'HEAD', path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const pad = (bytes: number) => 'a'.repeat(bytes);

describe('requests refused by the HTTP parser answer RFC 9457 problems', () => {
  it('a head over 16 KB (up to the parser limit): 431 PAS119 with its path, then the connection closes', async () => {
    const stream = await exchange([`GET /api/v1/invoices HTTP/1.1\r\nHost: x\r\nX-Pad: ${pad(20_000)}\r\n\r\n`]);
    const [only, ...more] = answers(stream);
    const body = expectProblem(only, 431, 'PAS119');
    expect(body.instance).toBe('/api/v1/invoices');
    expect(more).toEqual([]);
  });

  it('a head over the parser limit (48 KB) is refused by the parser itself: still 431 PAS119 as a problem', async () => {
    const stream = await exchange([`GET /api/v1/invoices HTTP/1.1\r\nHost: x\r\nX-Pad: ${pad(60_000)}\r\n\r\n`]);
    const [only, ...more] = answers(stream);
    expectProblem(only, 431, 'PAS119');
    expect(more).toEqual([]);
  });

  it('a head overflowing in a later piece (its method unseen, maybe HEAD): 431 without a body', async () => {
    const head = `GET /api/v1/invoices HTTP/1.1\r\nHost: x\r\nX-Pad: ${pad(60_000)}\r\n\r\n`;
    const stream = await exchange([head.slice(0, 30_000), head.slice(30_000)], 200);
    const [only, ...more] = answers(stream);
    expect([only?.status, only?.headers['content-length'], only?.headers.connection, only?.body]).toEqual([431, '0', 'close', '']);
    expect(more).toEqual([]);
  });

  it('HEAD with an oversized head gets a 431 without a body (node’s client parses it cleanly)', async () => {
    for (const size of [20_000, 60_000]) {
      const r = await headRequest('/api/v1/invoices', { 'x-pad': pad(size) });
      expect([size, r.status, r.body]).toEqual([size, 431, '']);
    }
  });

  it.each([
    ['garbage request line', 'NOT HTTP AT ALL\r\n\r\n'],
    ['space in a header name', 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
    ['two Content-Length values', 'POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}'],
    ['control character in a header value', 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n'],
  ])('%s: 400 PAS133, then the connection closes', async (_label, bytes) => {
    const [only, ...more] = answers(await exchange([bytes]));
    expectProblem(only, 400, 'PAS133');
    expect(more).toEqual([]);
  });

  it('on a kept-alive connection, the refusal comes after the previous answer, intact', async () => {
    const stream = await exchange(['GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n', 'GET /api/v1/health HTTP/1.1\r\nBad Header: 1\r\n\r\n'], 300);
    const [first, second, ...more] = answers(stream);
    expect(first?.status).toBe(200);
    expect(JSON.parse(first?.body ?? '')).toMatchObject({ status: 'pass' });
    expectProblem(second, 400, 'PAS133');
    expect(more).toEqual([]);
  });

  it('never answers while a response is under way: a pipelined malformed request closes the connection instead', async () => {
    // The health answer is asynchronous (a database probe), so the parser meets the garbage while it is pending.
    const stream = await exchange(['GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\x01\r\n\r\n']);
    expect(stream).not.toContain('PAS133');
    // At most the health answer, whole (node may have flushed it before the socket was destroyed).
    for (const a of answers(stream)) expect(a.status).toBe(200);
  });

  it('a broken chunk in a body being read: the connection is closed, no answer is interleaved', async () => {
    const head =
      `POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const stream = await exchange([head, '2\r\n{"\r\n', 'zz-not-a-size\r\n\r\n'], 100);
    expect(stream).not.toContain('PAS133');
    expect(answers(stream).length).toBeLessThanOrEqual(1);
  });

  it('the server keeps serving after all of that', async () => {
    const r = await api.request('GET', '/api/v1/invoices?per_page=1', undefined, bearer(token));
    expect(r.status).toBe(200);
  });
});
