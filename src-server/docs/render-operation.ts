/**
 * The /api_docs sections of one resource: its fields and relations, then each operation with its
 * parameters, body, example request and response, and code samples. Only catalog fields appear, so
 * a sensitive column cannot be shown.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import { DEFAULT_INCLUDE_LIMIT, MAX_INCLUDE_DEPTH } from '../parse/parse-include.ts';
import type { ApiOperation } from './api-operations.ts';
import { codeSamples, SAMPLE_LANGUAGES, sampleUrl, type SampleRequest } from './code-samples.ts';
import { describeRelation, includableRelations } from './embedded-schemas.ts';
import type { ExampleRow } from './example-rows.ts';
import { describeField } from './field-schema.ts';
import { aggregateExample, includeExample, operationExample, rowId } from './operation-example.ts';
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
    : `<h4>Relations</h4><p>Embedded with <code>include=</code>, tested with <code>has[…]</code>, usable in filters, sorts and group keys (<code>filter[client.country]=…</code>, to-one only) and in GraphQL.</p><ul class="relations">${items.join('')}</ul>`;
}

/** What the embedding parameters mean for this resource and caller (`include` and its per-path options). */
function includeRows(catalog: Catalog, resource: Resource, access: Access, list: boolean): [string, string][] {
  const relations = includableRelations(catalog, resource, access);
  if (relations.length === 0) return [];
  const names = relations.map((r) => escapeHtml(describeRelation(r)).replace(/`([^`]+)`/g, '<code>$1</code>'));
  const rows: [string, string][] = [
    [
      'include',
      `embeds related rows: ${names.join(', ')}; paths up to ${MAX_INCLUDE_DEPTH} deep (<code>client.contacts</code>); to-one → object or null, to-many → array; a member named like a field is <code>&lt;name&gt;_record</code>${list ? '; not with csv/ndjson' : '; no ETag then'}`,
    ],
    [
      'fields[path], sort[path], limit[path]',
      `sparse fields, order and rows per parent (to-many, default ${DEFAULT_INCLUDE_LIMIT}, max 500) of an included relation`,
    ],
    [
      'filter[path.field.op]',
      'through an included to-many relation: filters the embedded rows (<code>filter[payments.amount.gte]=100</code>)',
    ],
  ];
  if (list) {
    rows.push([
      'has[path]',
      '<code>true</code>: rows with related rows, <code>false</code>: without (with <code>filter[path.…]</code>: matching ones)',
    ]);
  }
  return rows;
}

const AGGREGATE_ROWS: readonly [string, string][] = [
  [
    'aggregate',
    'groups instead of rows: <code>count</code>, <code>sum:f</code>, <code>avg:f</code>, <code>min:f</code>, <code>max:f</code>, <code>count_distinct:f</code>; measures are named <code>count</code>, <code>sum_total</code>…',
  ],
  [
    'group_by',
    'up to 5 keys: fields, to-one related columns (<code>client.country</code>), date buckets <code>date:day|week|month|quarter|year</code>',
  ],
  ['having[measure.op]', '<code>having[sum_total.gte]=1000</code>: eq ne gt gte lt lte between in not_in'],
  [
    'sort, page, per_page (groups)',
    'by measures or keys (<code>-sum_total</code>); pages of groups, <code>meta.total</code> = number of groups',
  ],
];

function parameterTable(operation: ApiOperation, catalog: Catalog, access: Access): string {
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
    rows.push(...includeRows(catalog, resource, access, true), ...AGGREGATE_ROWS, [
      'format',
      '<code>json</code>, <code>csv</code> or <code>ndjson</code> (or <code>Accept: text/csv</code> / <code>application/x-ndjson</code>): streamed, every row unless paged',
    ]);
  }
  if (kind === 'get') {
    rows.push(['fields', 'sparse fieldset'], ...includeRows(catalog, resource, access, false), [
      'If-None-Match (header)',
      "the row's <code>ETag</code>: 304 while it is unchanged",
    ]);
  }
  if (kind === 'create') {
    rows.push(
      ['body', 'one object, or a JSON array of up to 1,000 objects created all or nothing'],
      ['Prefer (header)', '<code>return=minimal</code>: 201 without body; <code>tx=rollback</code>: dry run'],
    );
  }
  if (kind === 'update' || kind === 'replace' || kind === 'delete') {
    rows.push(
      ['If-Match (header)', 'write only if the row still has this ETag, else 412 PAS203 and nothing is written'],
      [
        'Prefer (header)',
        kind === 'delete'
          ? '<code>tx=rollback</code>: dry run'
          : '<code>return=minimal</code>: 204 without body; <code>tx=rollback</code>: dry run',
      ],
    );
  }
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

export function samplesBlock(request: SampleRequest, base: string): string {
  const samples = codeSamples(request, base, TOKEN_PLACEHOLDER);
  const tabs = SAMPLE_LANGUAGES.map(
    (lang, i) =>
      `<button type="button" data-tab="${lang}" aria-selected="${i === 0}" data-testid="tab-${lang}">${LANGUAGE_LABELS[lang]}</button>`,
  ).join('');
  const pres = SAMPLE_LANGUAGES.map(
    (lang, i) => `<pre data-lang="${lang}"${i === 0 ? '' : ' hidden'}><code>${escapeHtml(samples[lang])}</code></pre>`,
  ).join('\n');
  return `<div class="samples"><div class="tabs">${tabs}<button type="button" class="copy" data-copy-sample data-testid="copy-sample">Copy</button></div>\n${pres}</div>`;
}

/** The include= and aggregate= examples of a list, as requests a reader can copy. */
function listExamples(operation: ApiOperation, catalog: Catalog, access: Access, base: string): string {
  if (operation.kind !== 'list') return '';
  const include = includeExample(catalog, operation.resource, access);
  const lines = [
    ...(include === null ? [] : [`GET ${sampleUrl(base, { method: 'GET', ...include })}`]),
    `GET ${sampleUrl(base, { method: 'GET', ...aggregateExample(operation.resource) })}`,
  ];
  return `<h4>With include and aggregate</h4><pre data-testid="list-examples"><code>${escapeHtml(lines.join('\n'))}</code></pre>`;
}

function operationSection(
  operation: ApiOperation,
  row: ExampleRow,
  base: string,
  catalog: Catalog,
  access: Access,
): string {
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
${parameterTable(operation, catalog, access)}
${body}
<h4>Example request</h4><pre><code>${escapeHtml(`${operation.method} ${url}`)}</code></pre>
<h4>Example response</h4><pre><code>${escapeHtml(exampleResponse(operation, row, base))}</code></pre>
${listExamples(operation, catalog, access, base)}
<h4>Code samples</h4>
${samplesBlock({ method: operation.method, ...example }, base)}
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
  access: Access,
): string {
  return `<section class="resource" id="/${escapeHtml(resource.name)}">
<h2>${escapeHtml(resource.name)}</h2>
<p>${escapeHtml(resource.description)} <span class="muted">Table <code>${escapeHtml(resource.table)}</code>, key ${resource.primaryKey.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ') || 'none'}, operations: ${escapeHtml(resource.operations.join(', '))}.</span></p>
<details class="fields"><summary>Fields (${resource.fields.length})</summary>${fieldTable(resource.fields)}</details>
${relationList(catalog, resource)}
${operations.map((o) => operationSection(o, row, base, catalog, access)).join('\n')}
</section>`;
}
