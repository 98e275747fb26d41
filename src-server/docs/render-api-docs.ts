/**
 * The public /api_docs page: one self-contained HTML file (inline style and script, no CDN, works
 * offline) generated from the catalog and the whitelist. Deep links are element ids
 * (`#/invoices/list`), so they work even without the script. The error catalogue is part of the page
 * with the problems' slugs as ids, because problem `type` URIs are `/api_docs/errors#<slug>`.
 * The page sets its own Content-Security-Policy with the hashes of its inline script and style.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.ts';
import { hasScope, type Access } from '../engine/access.ts';
import type { ViewSource } from '../engine/run-view.ts';
import type { ViewDefinition } from '../engine/view-definition.ts';
import { PROBLEMS } from '../errors/problem-catalogue.ts';
import type { SchemaCache } from '../graphql/schema-cache.ts';
import { FILTER_OPERATORS } from '../parse/filter-operators.ts';
import { apiDocsClient } from './api-docs-client.ts';
import { API_DOCS_STYLE } from './api-docs-style.ts';
import { apiOperations } from './api-operations.ts';
import { escapeHtml } from './escape-html.ts';
import { typedRow, type ExampleRows } from './example-rows.ts';
import { renderGraphqlSection } from './graphql-section.ts';
import { OPERATOR_MEANINGS } from './list-parameters.ts';
import { renderResource } from './render-operation.ts';
import { renderViewsSection } from './render-views.ts';
import { viewOperations, type ViewOperation } from './view-operations.ts';

export interface ApiDocsInput {
  readonly catalog: Catalog;
  /** The rights the page documents: the whitelist's (the page is public). */
  readonly access: Access;
  readonly examples: ExampleRows;
  readonly origin: string;
  readonly graphql: SchemaCache;
  /** The saved views (a views section); undefined = no view store. */
  readonly views?: readonly ViewDefinition[] | undefined;
  /** Where the views come from, so the GraphQL SDL shows their `view_<name>` fields. */
  readonly viewSource?: ViewSource;
}

export interface ApiDocsPage {
  readonly html: string;
  /** The page's Content-Security-Policy: nothing but its own inline script and style. */
  readonly csp: string;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function nav(catalog: Catalog, input: ApiDocsInput, views: readonly ViewOperation[] | null): string {
  const operations = apiOperations(catalog, input.access);
  const resources = catalog.resources
    .filter((r) => operations.some((o) => o.resource === r))
    .map((r) => {
      const ops = operations
        .filter((o) => o.resource === r)
        .map(
          (o) =>
            `<li><a href="#/${escapeHtml(o.anchor)}"><span class="method ${o.method.toLowerCase()}">${o.method}</span> ${escapeHtml(o.kind)}</a></li>`,
        )
        .join('');
      return `<li><a href="#/${escapeHtml(r.name)}">${escapeHtml(r.name)}</a><ul>${ops}</ul></li>`;
    })
    .join('\n');
  return `<nav data-testid="sidebar"><p class="title">Perfex CRM API</p>
<a href="#/intro">Introduction</a><a href="#/auth">Authentication</a><a href="#/query">Query language</a>
<p class="group">Resources</p><ul class="resources">${resources}</ul>
${views === null ? '' : `<p class="group">Views</p><a href="#/views">Saved views</a><ul class="views">${views.map((v) => `<li><a href="#/${escapeHtml(v.anchor)}">${escapeHtml(v.view.name)}</a></li>`).join('')}</ul>`}
<p class="group">More</p><a href="#/graphql">GraphQL</a><a href="#/errors">Errors</a></nav>`;
}

function intro(input: ApiDocsInput, base: string): string {
  return `<section id="/intro"><h1>Perfex CRM API</h1>
<p>A REST and GraphQL API over the Perfex CRM database <code>${escapeHtml(input.catalog.database)}</code>, served by Perfex API Studio.
Base URL: <code>${escapeHtml(base)}</code>. Every call needs a token. ${input.examples.source === 'rows' ? 'Examples are rows of the demo database.' : 'Examples are made from the column types.'}</p>
<p>Machine-readable, for your token's rights: <code>GET /api/v1/openapi.json</code> (OpenAPI 3.1; <code>?version=3.0</code> for 3.0.3),
<code>/api/v1/openapi.yaml</code>, and <code>/api/v1/postman.json</code> (Postman Collection v2.1).</p></section>`;
}

function auth(): string {
  return `<section id="/auth"><h2>Authentication</h2>
<p>Send <code>Authorization: Bearer pas_…</code>. Create a token with <code>perfex-api-studio token create --name me --read '*'</code>; it can read and write only what its rights allow.</p>
<p>Tokens created with <code>--hmac</code> also sign each request: <code>X-Timestamp</code> (Unix seconds, within 300 s) and <code>X-Signature</code>, the hex
HMAC-SHA256 under the token's HMAC secret of five lines joined by <code>\\n</code>: the method, the path, the query sorted by key then value
(<code>encodeURIComponent</code> of each part, <code>k=v</code> joined by <code>&amp;</code>), the hex SHA-256 of the body (of the empty string when there is none), and the timestamp. A signature is accepted once.</p></section>`;
}

function queryLanguage(): string {
  const ops = FILTER_OPERATORS.map(
    (op) =>
      `<tr><td><code>${op}</code></td><td>${escapeHtml(OPERATOR_MEANINGS[op]).replace(/`([^`]+)`/g, '<code>$1</code>')}</td></tr>`,
  ).join('');
  return `<section id="/query"><h2>Query language</h2>
<p><code>GET /api/v1/{resource}?fields=a,b&amp;filter[status]=2&amp;filter[total.gte]=1000&amp;sort=-total&amp;page=2&amp;per_page=50</code>.
Filters are ANDed; <code>where={"or":[…]}</code> combines with and/or/not. Values are typed by the column: numbers, dates <code>YYYY-MM-DD</code>,
date-times <code>YYYY-MM-DDTHH:MM:SS</code> (no zone); MySQL zero dates are null. Lists answer <code>{data, meta, links}</code>; links keep every parameter.</p>
<table class="params"><thead><tr><th>operator</th><th>meaning</th></tr></thead><tbody>${ops}</tbody></table>
<h3>Related rows</h3>
<p><code>include=client,payments,client.contacts</code> embeds related rows (to-one: an object or null; to-many: an array), up to 3 relations deep, one SQL statement per relation and level.
Per path: <code>fields[client]=company</code>, <code>sort[payments]=-date</code>, <code>limit[payments]=5</code> (rows per parent, default 25, max 500), and
<code>filter[payments.amount.gte]=100</code> filters the embedded rows. <code>has[payments]=true|false</code> keeps rows with (or without) related rows.
Including needs read on the related resource (403 PAS313).</p>
<h3>Aggregates</h3>
<p><code>aggregate=count,sum:total,avg:total,min:date,max:total,count_distinct:clientid</code> with <code>group_by=status,client.country,date:month</code>
answers groups (<code>{"status":2,"count":12,"sum_total":4500.5}</code>) in the same envelope; <code>having[sum_total.gte]=1000</code> filters groups,
<code>sort=-sum_total</code> orders them and <code>meta.total</code> counts them. <code>group_by=sale_agent&amp;include=sale_agent</code> embeds the row a key points to.</p>
<h3>Exports</h3>
<p><code>format=csv</code> or <code>format=ndjson</code> (or <code>Accept: text/csv</code> / <code>application/x-ndjson</code>) on lists, groups and views: every matching row unless
<code>page</code>/<code>per_page</code> is given, streamed. CSV has a header line and CRLF; text cells starting with <code>= + - @</code> get a leading <code>'</code>. Not with <code>include</code> (400 PAS129).</p>
<h3>Safe edits and bulk writes</h3>
<p>Single-row GETs carry an <code>ETag</code>; <code>If-None-Match</code> answers 304. <code>If-Match</code> on PUT, PATCH and DELETE answers 412 (PAS203) when the row changed, and writes nothing.
<code>POST</code> with a JSON array creates up to 1,000 rows, all or nothing. <code>Prefer: return=minimal</code> drops the body of a write; <code>Prefer: tx=rollback</code> runs it and keeps nothing;
both are echoed in <code>Preference-Applied</code>.</p></section>`;
}

function errors(): string {
  const rows = Object.values(PROBLEMS)
    .map(
      (p) =>
        `<tr id="${p.slug}"><td><code>${p.code}</code></td><td>${p.status}</td><td><a href="#${p.slug}">${p.slug}</a></td><td>${escapeHtml(p.title)}</td><td>${escapeHtml(p.hint)}</td></tr>`,
    )
    .join('\n');
  return `<section id="/errors"><h2>Errors</h2>
<p>Errors are RFC 9457 problems (<code>application/problem+json</code>) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>,
<code>instance</code>, <code>code</code> and <code>hint</code>; <code>type</code> links to the entry below. In GraphQL the same object is under <code>extensions</code>.</p>
<table class="errors" data-testid="errors"><thead><tr><th>code</th><th>status</th><th>type</th><th>title</th><th>what to do</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

export function renderApiDocs(input: ApiDocsInput): ApiDocsPage {
  const { catalog, access, examples, origin } = input;
  const base = `${origin}/api/v1`;
  const operations = apiOperations(catalog, access);
  const views =
    input.views === undefined || !hasScope(access, 'views') ? null : viewOperations(catalog, access, input.views);
  const resources = catalog.resources
    .filter((r) => operations.some((o) => o.resource === r))
    .map((r) =>
      renderResource(
        catalog,
        r,
        operations.filter((o) => o.resource === r),
        examples.byResource.get(r.name) ?? typedRow(r),
        base,
        access,
      ),
    )
    .join('\n');
  const script = `(${apiDocsClient.toString()})();`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Perfex CRM API docs</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>${API_DOCS_STYLE}</style>
</head><body>
${nav(catalog, input, views)}
<main>
${intro(input, base)}
${auth()}
${queryLanguage()}
${resources}
${views === null ? '' : renderViewsSection(views, base)}
${hasScope(access, 'graphql') ? renderGraphqlSection(catalog, access, input.graphql, base, input.viewSource) : ''}
${errors()}
</main>
<script>${script}</script>
</body></html>`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(API_DOCS_STYLE)}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}
