/**
 * The page at `/` until the Studio (React + Monaco) lands: it says so, and lists the resources
 * this server exposes with links to try them.
 */
import type { Catalog } from '../catalog/catalog.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderStudioPlaceholder(catalog: Catalog): string {
  const rows = catalog.resources
    .map((r) => {
      const name = escapeHtml(r.name);
      return `<tr><td><a href="/api/v1/${name}">${name}</a></td><td>${escapeHtml(r.table)}</td><td>${escapeHtml(r.operations.join(', '))}</td><td>${r.rowEstimate}</td><td><a href="/api/v1/${name}/schema">schema</a></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Perfex API Studio</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}code{background:#f3f3f3;padding:0 .25rem}</style>
</head><body>
<h1>Perfex API Studio</h1>
<p>The Studio (explorer, whitelist editor, tokens) is not built yet: this placeholder lists the
resources the API exposes from <code>${escapeHtml(catalog.database)}</code> (${escapeHtml(catalog.dialect)}).
Try <a href="/api/v1">/api/v1</a>.</p>
<table data-testid="resources"><thead><tr><th>resource</th><th>table</th><th>operations</th><th>rows (est.)</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>`;
}
