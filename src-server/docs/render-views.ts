/**
 * The saved views part of /api_docs: `GET /api/v1/views` and each view the page's rights may run
 * (`view-operations.ts`), with its typed parameters, the shape of its answer, an example request and
 * code samples. It shows what `GET /api/v1/views` shows (name, description, resource, parameters),
 * never the view's stored query.
 */
import { sampleUrl } from './code-samples.ts';
import { escapeHtml } from './escape-html.ts';
import { samplesBlock } from './render-operation.ts';
import type { ViewOperation } from './view-operations.ts';

function paramRows(operation: ViewOperation): string {
  const rows = Object.entries(operation.view.params ?? {}).map(
    ([name, p]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${p.type}</td><td>${p.default === undefined ? 'required' : `default <code>${escapeHtml(String(p.default))}</code>`}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
  );
  rows.push(
    '<tr><td><code>page, per_page, count</code></td><td></td><td></td><td>pages of the answer, as on lists</td></tr>',
    '<tr><td><code>format</code></td><td></td><td></td><td><code>json</code>, <code>csv</code>, <code>ndjson</code> (or <code>Accept</code>)</td></tr>',
  );
  return `<table class="params"><thead><tr><th>parameter</th><th>type</th><th></th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function answer(operation: ViewOperation): string {
  const resource = `<a href="#/${escapeHtml(operation.resource.name)}">${escapeHtml(operation.resource.name)}</a>`;
  if (operation.request === null) return `Rows or groups of ${resource}, in the list envelope.`;
  return operation.request.aggregate === null
    ? `Rows of ${resource} in the list envelope (<code>data</code>, <code>meta</code>, <code>links</code>).`
    : `Groups of ${resource} (keys and measures) in the list envelope; <code>meta.total</code> is the number of groups.`;
}

function viewSection(operation: ViewOperation, base: string): string {
  const request = { method: 'GET' as const, path: operation.path, query: operation.example, body: null };
  return `<details class="operation" id="/${escapeHtml(operation.anchor)}" data-testid="op-${escapeHtml(operation.anchor)}">
<summary><span class="method get">GET</span> <code>/api/v1${escapeHtml(operation.path)}</code> <span>${escapeHtml(operation.summary)}</span></summary>
<div class="body">
<p>Needs the <code>views</code> scope and read on <code>${escapeHtml(operation.resource.name)}</code> (and on every resource the view reaches). ${answer(operation)}
<button type="button" class="link" data-copy-link="/${escapeHtml(operation.anchor)}" data-testid="copy-link">Copy link</button></p>
<h4>Parameters</h4>${paramRows(operation)}
<h4>Example request</h4><pre><code>${escapeHtml(`GET ${sampleUrl(base, request)}`)}</code></pre>
<h4>Code samples</h4>
${samplesBlock(request, base)}
</div>
</details>`;
}

/** The section of the views `operations` (from `viewOperations` for the page's rights). */
export function renderViewsSection(operations: readonly ViewOperation[], base: string): string {
  const list =
    operations.length === 0
      ? '<p class="muted">No saved views yet.</p>'
      : operations.map((o) => viewSection(o, base)).join('\n');
  return `<section id="/views" data-testid="views">
<h2>Saved views</h2>
<p>Named list requests with typed parameters, saved in the Studio (<code>POST /admin/api/views</code>) or with
<code>perfex-api-studio view import</code>. <code>GET /api/v1/views</code> lists them; <code>GET /api/v1/views/{name}?param=…</code> runs one
with the envelopes, pages and formats of lists. Parameters are checked against their type (400 PAS131); an unknown view is 404 PAS130.
In GraphQL each view is a field <code>view_&lt;name&gt;(…) { data meta }</code>.</p>
${list}
</section>`;
}
