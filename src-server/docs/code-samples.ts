/**
 * Code samples for one request in cURL, JavaScript (fetch), PHP (curl) and Python (requests): a pure
 * function of the request, the base URL and a token (or placeholder), shared by /api_docs and the
 * Studio's explorer. Each sample prints the status code, then the body, so a test can run it as is.
 */
import type { HttpMethod } from './api-operations.ts';

export interface SampleRequest {
  readonly method: HttpMethod;
  /** Relative to the base URL: `/invoices/12`. */
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  readonly body: Readonly<Record<string, unknown>> | null;
}

export interface CodeSamples {
  readonly curl: string;
  readonly javascript: string;
  readonly php: string;
  readonly python: string;
}

export const SAMPLE_LANGUAGES = ['curl', 'javascript', 'php', 'python'] as const;

/** Query keys keep their brackets readable (`filter[status]`); everything else is percent-encoded. */
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

export function sampleUrl(baseUrl: string, request: SampleRequest): string {
  const query = request.query.map(([k, v]) => `${encodeKey(k)}=${encodeURIComponent(v)}`).join('&');
  return `${baseUrl}${request.path}${query === '' ? '' : `?${query}`}`;
}

/** POSIX shell single quotes: `'` becomes `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** A single-quoted string literal for JavaScript, PHP and Python alike (only `\` and `'` need escaping). */
function singleQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function curl(url: string, request: SampleRequest, token: string): string {
  const lines = [
    `curl -sS -g -X ${request.method} ${shellQuote(url)}`,
    `  -H ${shellQuote(`Authorization: Bearer ${token}`)}`,
  ];
  if (request.body !== null) {
    lines.push(`  -H 'Content-Type: application/json'`, `  --data-raw ${shellQuote(JSON.stringify(request.body))}`);
  }
  lines.push(`  -w '\\n%{http_code}\\n'`);
  return lines.join(' \\\n');
}

function javascript(url: string, request: SampleRequest, token: string): string {
  const headers = [`Authorization: ${singleQuoted(`Bearer ${token}`)}`];
  if (request.body !== null) headers.push(`'Content-Type': 'application/json'`);
  const options = [`  method: '${request.method}',`, `  headers: { ${headers.join(', ')} },`];
  if (request.body !== null)
    options.push(`  body: JSON.stringify(${JSON.stringify(request.body, null, 2).replace(/\n/g, '\n  ')}),`);
  return [
    `const response = await fetch(${singleQuoted(url)}, {`,
    ...options,
    '});',
    'console.log(response.status);',
    'console.log(await response.text());',
  ].join('\n');
}

function php(url: string, request: SampleRequest, token: string): string {
  const headers = [singleQuoted(`Authorization: Bearer ${token}`)];
  if (request.body !== null) headers.push("'Content-Type: application/json'");
  const options = [
    `    CURLOPT_CUSTOMREQUEST => '${request.method}',`,
    `    CURLOPT_HTTPHEADER => [${headers.join(', ')}],`,
    '    CURLOPT_RETURNTRANSFER => true,',
  ];
  if (request.body !== null) options.push(`    CURLOPT_POSTFIELDS => ${singleQuoted(JSON.stringify(request.body))},`);
  return [
    '<?php',
    `$ch = curl_init(${singleQuoted(url)});`,
    'curl_setopt_array($ch, [',
    ...options,
    ']);',
    '$body = curl_exec($ch);',
    'echo curl_getinfo($ch, CURLINFO_RESPONSE_CODE), PHP_EOL, $body, PHP_EOL;',
    'curl_close($ch);',
  ].join('\n');
}

/** A JSON value as a Python literal (None/True/False; JSON string escapes are valid Python escapes). */
function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map((v) => pythonLiteral(v, indent)).join(', ')}]`;
  if (typeof value === 'object') {
    const inner = `${indent}    `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)},`);
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function python(url: string, request: SampleRequest, token: string): string {
  const args = [`    ${singleQuoted(url)},`, `    headers={'Authorization': ${singleQuoted(`Bearer ${token}`)}},`];
  if (request.body !== null) args.push(`    json=${pythonLiteral(request.body, '    ')},`);
  return [
    'import requests',
    '',
    `response = requests.request(`,
    `    '${request.method}',`,
    ...args,
    ')',
    'print(response.status_code)',
    'print(response.text)',
  ].join('\n');
}

/** The four samples of one request. `token` is the real token or a placeholder such as `pas_YOUR_TOKEN`. */
export function codeSamples(request: SampleRequest, baseUrl: string, token: string): CodeSamples {
  const url = sampleUrl(baseUrl, request);
  return {
    curl: curl(url, request, token),
    javascript: javascript(url, request, token),
    php: php(url, request, token),
    python: python(url, request, token),
  };
}
