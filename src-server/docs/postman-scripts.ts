/**
 * The scripts of the Postman collection, as source lines (Postman stores `exec` as an array of lines).
 * They run in Postman's sandbox, where `pm` and `CryptoJS` are globals.
 */
import type { Resource } from '../catalog/catalog.ts';
import type { ApiOperation } from './api-operations.ts';

/**
 * Collection-level pre-request script: when `hmacSecret` is set, sign the request as the auth stage
 * expects (README "Signed requests"): method, path, query sorted by key then value with each part
 * passed through encodeURIComponent, hex SHA-256 of the body, Unix timestamp; hex HMAC-SHA256.
 */
export const HMAC_PRE_REQUEST: readonly string[] = [
  '// Tokens created with --hmac must sign every request; leave hmacSecret empty for plain tokens.',
  "const secret = pm.variables.get('hmacSecret');",
  'if (secret) {',
  '  const resolved = pm.variables.replaceIn(pm.request.url.toString());',
  '  const match = /^[a-z]+:\\/\\/[^/]+([^?#]*)(?:\\?([^#]*))?/i.exec(resolved);',
  "  const path = match ? match[1] : '/';",
  "  const decode = (s) => decodeURIComponent(s.replace(/\\+/g, ' '));",
  "  const pairs = (match && match[2] ? match[2].split('&') : []).filter((p) => p !== '').map((p) => {",
  "    const i = p.indexOf('=');",
  "    return i < 0 ? [decode(p), ''] : [decode(p.slice(0, i)), decode(p.slice(i + 1))];",
  '  });',
  '  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));',
  "  const query = pairs.map((p) => encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1])).join('&');",
  "  const body = pm.request.body && pm.request.body.mode === 'raw' ? pm.variables.replaceIn(pm.request.body.raw || '') : '';",
  '  const timestamp = String(Math.floor(Date.now() / 1000));',
  "  const canonical = [pm.request.method.toUpperCase(), path, query, CryptoJS.SHA256(body).toString(CryptoJS.enc.Hex), timestamp].join('\\n');",
  "  pm.request.headers.upsert({ key: 'X-Timestamp', value: timestamp });",
  "  pm.request.headers.upsert({ key: 'X-Signature', value: CryptoJS.HmacSHA256(canonical, secret).toString(CryptoJS.enc.Hex) });",
  '}',
];

/** The collection variable holding the key of the row a folder's create request made. */
export function createdIdVariable(resource: Resource): string {
  return `${resource.name}_id`;
}

export function expectedStatus(operation: ApiOperation): number {
  return operation.kind === 'create' ? 201 : operation.kind === 'delete' ? 204 : 200;
}

/** Tests of a GET that answers 200 with a JSON envelope (`data`). */
export function jsonDataTests(): string[] {
  return [
    "pm.test('status is 200', () => pm.response.to.have.status(200));",
    "pm.test('content type is JSON', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'));",
    "pm.test('body has data', () => pm.expect(pm.response.json()).to.have.property('data'));",
  ];
}

/** Tests of one request: status code and content type; a create also remembers the new row's key. */
export function requestTests(operation: ApiOperation): string[] {
  const status = expectedStatus(operation);
  const lines = [`pm.test('status is ${status}', () => pm.response.to.have.status(${status}));`];
  if (status === 204) {
    lines.push("pm.test('no body', () => pm.expect(pm.response.text()).to.equal(''));");
  } else {
    lines.push(
      "pm.test('content type is JSON', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'));",
    );
    lines.push("pm.test('body has data', () => pm.expect(pm.response.json()).to.have.property('data'));");
  }
  if (operation.kind === 'create') {
    const keys = JSON.stringify(operation.resource.primaryKey);
    lines.push(
      'const created = pm.response.json().data;',
      `pm.collectionVariables.set('${createdIdVariable(operation.resource)}', ${keys}.map((k) => encodeURIComponent(String(created[k]))).join(','));`,
    );
  }
  return lines;
}
