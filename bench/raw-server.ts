/**
 * The baseline for `npm run bench`: plain node:http + a mysql2 pool running the same SQL as the
 * engine for the two benchmarked requests, with no parsing, validation or typing. It shows what the
 * engine costs on top of the database.
 */
import http from 'node:http';
import mysql from 'mysql2/promise';

const [url, portText, listSql, countSql, getSql] = process.argv.slice(2);
if (url === undefined || getSql === undefined || listSql === undefined || countSql === undefined) {
  throw new Error('usage: raw-server <mysql-url> <port> <list-sql> <count-sql> <get-sql>');
}
const pool = mysql.createPool({ uri: url, connectionLimit: 10, dateStrings: true });

const server = http.createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const reply = (body: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const fail = (error: unknown): void => {
    res.writeHead(500);
    res.end(String(error));
  };
  if (path === '/api/v1/invoices') {
    Promise.all([pool.execute(listSql, [2, 25]), pool.execute(countSql, [2])])
      .then(([[rows], [count]]) => reply({ data: rows, meta: { total: (count as { total: number }[])[0]?.total } }))
      .catch(fail);
    return;
  }
  const id = Number(path.split('/')[4]);
  pool
    .execute(getSql, [id, 1])
    .then(([rows]) => reply({ data: (rows as unknown[])[0] }))
    .catch(fail);
});
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('listening\n'));
