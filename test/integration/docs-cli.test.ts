/**
 * `perfex-api-studio export openapi|postman` as a user runs it: a real process over the embedded
 * demo database of a fresh data directory (examples from its rows) and over an explicit database
 * (typed examples), writing JSON or YAML that swagger-parser accepts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src-server/cli/main.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pas-export-'));

function run(args: string[]) {
  // OpenAPI of the demo is over 1 MB: above spawnSync's default output buffer.
  return spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('perfex-api-studio export', () => {
  it('writes OpenAPI 3.1 of the demo database with demo rows as examples', async () => {
    const out = path.join(dir, 'openapi.json');
    const r = run([
      'export',
      'openapi',
      '--data-dir',
      path.join(dir, 'data'),
      '--out',
      out,
      '--server',
      'http://192.168.1.20:4780',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote OpenAPI 3.1 to ${out}`);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    await SwaggerParser.validate(structuredClone(doc));
    expect(doc.servers[0].url).toBe('http://192.168.1.20:4780/api/v1');
    expect(doc.info.description).toContain('rows of the demo database');
    expect(Object.keys(doc.paths)).toContain('/invoices/{id}');
  });

  it('writes OpenAPI 3.0.3 as YAML with --version 3.0 and a .yaml file; refuses other versions', async () => {
    const out = path.join(dir, 'openapi.yaml');
    const r = run(['export', 'openapi', '--version', '3.0', '--data-dir', path.join(dir, 'data'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const doc = parseYaml(fs.readFileSync(out, 'utf8'));
    expect(doc.openapi).toBe('3.0.3');
    await SwaggerParser.validate(doc);
    const bad = run(['export', 'openapi', '--version', '2.0', '--data-dir', path.join(dir, 'data')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--version must be 3.1 or 3.0');
  });

  it('writes a Postman collection to stdout, over an explicit database with typed examples', () => {
    const file = path.join(dir, 'data', 'perfex-demo.db');
    expect(fs.existsSync(file)).toBe(true);
    const r = run(['export', 'postman', '--db', `sqlite:${file}`, '--data-dir', path.join(dir, 'data')]);
    expect(r.status, r.stderr).toBe(0);
    const collection = JSON.parse(r.stdout);
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    const invoices = collection.item.find((f: { name: string }) => f.name === 'invoices');
    const get = invoices.item.find((i: { name: string }) => i.name === 'Get one row of invoices');
    expect(get.request.url.raw).toBe('{{baseUrl}}/invoices/1'); // typed example id, no row read
  });

  it('documents the saved views of the store (imported with view import) in both exports', () => {
    const data = path.join(dir, 'data');
    const viewFile = path.join(dir, 'views.json');
    fs.writeFileSync(
      viewFile,
      JSON.stringify([
        {
          name: 'paid_since',
          resource: 'invoices',
          query: { 'filter[status]': '2', 'filter[date.gte]': ':from', fields: 'id,total' },
          params: { from: { type: 'date', default: '2026-01-01' } },
        },
      ]),
    );
    const imported = run(['view', 'import', viewFile, '--data-dir', data]);
    expect(imported.status, imported.stderr).toBe(0);
    const openapi = run(['export', 'openapi', '--data-dir', data]);
    expect(openapi.status, openapi.stderr).toBe(0);
    const document = JSON.parse(openapi.stdout);
    const view = document.paths['/views/paid_since'].get;
    expect(view.parameters.map((p: { name: string }) => p.name)).toContain('from');
    const postman = JSON.parse(run(['export', 'postman', '--data-dir', data]).stdout);
    const folder = postman.item.find((f: { name: string }) => f.name === 'views');
    expect(folder.item.map((i: { request: { url: { raw: string } } }) => i.request.url.raw).join(' ')).toContain(
      '/views/paid_since',
    );
  });
});
