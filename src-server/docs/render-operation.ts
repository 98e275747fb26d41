/**
 * The /api_docs sections of one resource: its fields and relations, then each operation with its
 * parameters, body, example request and response, and code samples. Only catalog fields appear, so
 * a sensitive column cannot be shown.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { ApiOperation } from './api-operations.ts';
import { codeSamples, SAMPLE_LANGUAGES, sampleUrl } from './code-samples.ts';
import type { ExampleRow } from './example-rows.ts';
import { describeField } from './field-schema.ts';
import { operationExample, rowId } from './operation-example.ts';
import { escapeHtml } from './escape-html.ts';

/** Shown in samples where a token goes; the reader replaces it with theirs. */
export const TOKEN_PLACEHOLDER = 'pas_YOUR_TOKEN';

const LANGUAGE_LABELS: Readonly<Record<(typeof SAMPLE_LANGUAGES)[number], string>> = {
  curl: 'cURL',
  javascript: 'JavaScript',
  php: 'PHP',
  python: 'Python',
};

function fieldRows(fields: readonly Field[], withRequired: boolean): string {
  return fields
    .map((f) => {
      const required = withRequired ? `<td>${f.requiredOnCreate ? 'required' : ''}</td>` : '';
      return `<tr><td><code>${escapeHtml(f.name)}</code></td><td>${escapeHtml(f.type)}</td><td>${f.nullable ? 'yes' : ''}</td>${required}<td>${escapeHtml(describeField(f))}</td></tr>`;
    })
    .join('\n');
}

function fieldTable(fields: readonly Field[], withRequired = false): string {
  const head = `<tr><th>field</th><th>type</th><th>null</th>${withRequired ? '<th>create</th>' : ''}<th>notes</th></tr>`;
  return `<table class="fields"><thead>${head}</thead><tbody>\n${fieldRows(fields, withRequired)}\n</tbody></table>`;
}

function relationList(catalog: Catalog, resource: Resource): string {
  const items = resource.relations
    .filter((r) => r.target === null || catalog.byName.has(r.target))
    .map((r) => {
      const target =
        r.target === null
          ? `one of ${r.polymorphic?.targets.map((t) => t.resource).join(', ') ?? ''}`
          : `<a href="#/${escapeHtml(r.target)}">${escapeHtml(r.target)}</a>`;
      return `<li><code>${escapeHtml(r.name)}</code> (${r.kind}) → ${target} <span class="muted">${escapeHtml(r.localColumn)} = ${escapeHtml(r.remoteColumn)}</span></li>`;
    });
  return items.length === 0
    ? ''
    : `<h4>Relations</h4><p>Usable in filters and sorts (<code>filter[client.country]=…</code>, to-one only) and in GraphQL.</p><ul class="relations">${items.join('')}</ul>`;
}

function parameterTable(operation: ApiOperation): string {
  const { resource, kind } = operation;
  const rows: [string, string][] = [];
  if (kind === 'list') {
    rows.push(
      ['fields', 'sparse fieldset: <code>fields=a,b</code>'],
      [
        'filter[field]',
        'equality; <code>filter[field.op]</code> with an <a href="#/query">operator</a>; related columns <code>filter[relation.field]</code>',
      ],
      ['where', 'JSON with and/or/not'],
      ['sort', '<code>-field</code> descending; <code>relation.field</code>'],
      ['page, per_page', 'per_page 1–500 (default 25)'],
      ['count', '<code>none</code> skips the total'],
    );
    if (resource.createdColumn !== null)
      rows.push(['since', `rows created since (by <code>${escapeHtml(resource.createdColumn)}</code>), newest first`]);
  }
  if (kind === 'get') rows.push(['fields', 'sparse fieldset']);
  if (operation.path.endsWith('{id}'))
    rows.unshift(['{id}', `the row's ${resource.primaryKey.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}`]);
  if (rows.length === 0) return '';
  return `<h4>Parameters</h4><table class="params"><tbody>${rows.map(([n, d]) => `<tr><td><code>${escapeHtml(n)}</code></td><td>${d}</td></tr>`).join('')}</tbody></table>`;
}

function exampleResponse(operation: ApiOperation, row: ExampleRow, base: string): string {
  const { resource } = operation;
  const self = `${base}/${resource.name}`;
  switch (operation.kind) {
    case 'list':
      return JSON.stringify(
        {
          data: [row],
          meta: { total: 1, page: 1, per_page: 5, total_pages: 1 },
          links: { self, first: `${self}?page=1` },
        },
        null,
        2,
      );
    case 'delete':
      return '204 No Content';
    case 'schema':
      return `{ "data": { "name": "${resource.name}", "fields": [ … ], "relations": [ … ], "operations": ${JSON.stringify(resource.operations)} } }`;
    default:
      return JSON.stringify(
        { data: row, links: { self: `${self}/${rowId(resource, row)}`, collection: self } },
        null,
        2,
      );
  }
}

function samplesBlock(operation: ApiOperation, row: ExampleRow, base: string): string {
  const example = operationExample(operation, row);
  const samples = codeSamples({ method: operation.method, ...example }, base, TOKEN_PLACEHOLDER);
  const tabs = SAMPLE_LANGUAGES.map(
    (lang, i) =>
      `<button type="button" data-tab="${lang}" aria-selected="${i === 0}" data-testid="tab-${lang}">${LANGUAGE_LABELS[lang]}</button>`,
  ).join('');
  const pres = SAMPLE_LANGUAGES.map(
    (lang, i) => `<pre data-lang="${lang}"${i === 0 ? '' : ' hidden'}><code>${escapeHtml(samples[lang])}</code></pre>`,
  ).join('\n');
  return `<div class="samples"><div class="tabs">${tabs}<button type="button" class="copy" data-copy-sample data-testid="copy-sample">Copy</button></div>\n${pres}</div>`;
}

function operationSection(operation: ApiOperation, row: ExampleRow, base: string): string {
  const { resource, kind } = operation;
  const example = operationExample(operation, row);
  const url = sampleUrl(base, { method: operation.method, ...example });
  const right = `Needs the <code>${operation.right}</code> right on <code>${escapeHtml(resource.name)}</code>${operation.right === 'read' ? '' : ' and the <code>write</code> scope'}.`;
  const body =
    example.body === null
      ? ''
      : `<h4>Body</h4>${fieldTable(
          resource.fields.filter((f) => f.writable),
          kind === 'create',
        )}<pre><code>${escapeHtml(JSON.stringify(example.body, null, 2))}</code></pre>`;
  return `<details class="operation" id="/${escapeHtml(operation.anchor)}" data-testid="op-${escapeHtml(operation.anchor)}">
<summary><span class="method ${operation.method.toLowerCase()}">${operation.method}</span> <code>/api/v1${escapeHtml(operation.path)}</code> <span>${escapeHtml(operation.summary)}</span></summary>
<div class="body">
<p>${right} <button type="button" class="link" data-copy-link="/${escapeHtml(operation.anchor)}" data-testid="copy-link">Copy link</button></p>
${parameterTable(operation)}
${body}
<h4>Example request</h4><pre><code>${escapeHtml(`${operation.method} ${url}`)}</code></pre>
<h4>Example response</h4><pre><code>${escapeHtml(exampleResponse(operation, row, base))}</code></pre>
<h4>Code samples</h4>
${samplesBlock(operation, row, base)}
</div>
</details>`;
}

/** The section of one resource with all of its operations. */
export function renderResource(
  catalog: Catalog,
  resource: Resource,
  operations: readonly ApiOperation[],
  row: ExampleRow,
  base: string,
): string {
  return `<section class="resource" id="/${escapeHtml(resource.name)}">
<h2>${escapeHtml(resource.name)}</h2>
<p>${escapeHtml(resource.description)} <span class="muted">Table <code>${escapeHtml(resource.table)}</code>, key ${resource.primaryKey.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ') || 'none'}, operations: ${escapeHtml(resource.operations.join(', '))}.</span></p>
<details class="fields"><summary>Fields (${resource.fields.length})</summary>${fieldTable(resource.fields)}</details>
${relationList(catalog, resource)}
${operations.map((o) => operationSection(o, row, base)).join('\n')}
</section>`;
}
