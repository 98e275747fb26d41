/**
 * Streaming export bench: `GET /api/v1/pas_stream?format=csv` (and ndjson) over a generated table of
 * 1,000,000 rows in MariaDB, against a served engine in its own process, whose resident memory is
 * sampled from /proc every 25 ms. Reports rows, bytes, seconds, and peak RSS above idle (target:
 * < 150 MB), the figure that shows rows flow from the database cursor to the socket without piling up.
 * Run alone: `tsx bench/stream-scenario.ts [--url mysql://pas:pas@127.0.0.1:3306/] [--rows 1000000]`;
 * `npm run bench` runs it last.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { benchToken, rssBytes, startServe } from './bench-cli.ts';

const TABLE = 'tblpas_stream';

/** Creates `rows` rows in `database`.tblpas_stream unless they are there already. */
async function ensureTable(serverUrl: string, database: string, rows: number): Promise<void> {
  const conn = await mysql.createConnection({ uri: serverUrl, multipleStatements: false });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
    await conn.query(`USE \`${database}\``);
    await conn.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (id int NOT NULL PRIMARY KEY, label varchar(40) NOT NULL, amount decimal(15,2) NOT NULL, created datetime NOT NULL) ENGINE=InnoDB`,
    );
    const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM ${TABLE}`)) as unknown as [[{ n: number }]];
    if (Number(n) === rows) return;
    await conn.query(`TRUNCATE ${TABLE}`);
    await conn.query('SET SESSION max_recursive_iterations = 100000000');
    const started = Date.now();
    for (let from = 1; from <= rows; from += 100_000) {
      const to = Math.min(rows, from + 99_999);
      await conn.query(
        `INSERT INTO ${TABLE} WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?) ` +
          `SELECT i, CONCAT('row ', i), (i % 100000) / 100, TIMESTAMP('2026-01-01') + INTERVAL i SECOND FROM n`,
        [from, to],
      );
    }
    console.log(`generated ${rows} rows in ${TABLE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await conn.end();
  }
}

/** Runs the export scenario and returns its report lines. */
export async function streamScenario(serverUrl: string, database: string, rows = 1_000_000): Promise<string> {
  await ensureTable(serverUrl, database, rows);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-stream-'));
  const secret = await benchToken(dataDir, 'stream');
  const port = 4793;
  const server = await startServe(`${serverUrl.replace(/\/$/, '')}/${database}`, dataDir, port, {
    prefix: 'tbl',
    expose: 'none',
    tables: { [TABLE]: { expose: true } },
  });
  const pid = server.pid as number;
  const headers = { authorization: `Bearer ${secret}` };
  const lines: string[] = [];
  try {
    await fetch(`http://127.0.0.1:${port}/api/v1/pas_stream?per_page=5`, { headers }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 1000));
    for (const format of ['csv', 'ndjson'] as const) {
      const idle = rssBytes(pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 25);
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/pas_stream?format=${format}`, { headers });
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) newlines++;
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const dataRows = format === 'csv' ? newlines - 1 : newlines;
      const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
      lines.push(
        `  ${format.padEnd(6)} ${dataRows} rows, ${mb(bytes)} MB in ${seconds.toFixed(1)} s (${Math.round(dataRows / seconds)} rows/s, status ${res.status})  ` +
          `RSS idle ${mb(idle)} MB, peak ${mb(peak)} MB, peak above idle ${mb(peak - idle)} MB (target < 150)`,
      );
    }
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return `streamed export of ${rows} rows (GET /api/v1/pas_stream?format=…), server RSS sampled every 25 ms\n${lines.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? undefined : process.argv[i + 1];
  };
  const url = arg('url') ?? process.env.PAS_BENCH_MYSQL_URL ?? 'mysql://pas:pas@127.0.0.1:3306/';
  console.log(await streamScenario(url, 'pas_bench', Number(arg('rows') ?? 1_000_000)));
}
