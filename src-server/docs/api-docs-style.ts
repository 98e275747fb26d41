/** The /api_docs page's stylesheet, inlined (no external files: the page works offline). */
export const API_DOCS_STYLE = `
:root{--fg:#1d2330;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--code:#f5f6f8;--accent:#2453c9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;color:var(--fg);background:var(--bg);display:flex}
nav{position:sticky;top:0;height:100vh;overflow:auto;width:270px;flex:none;border-right:1px solid var(--line);padding:1rem;font-size:14px}
nav a{display:block;color:var(--fg);text-decoration:none;padding:.1rem .25rem;border-radius:4px}
nav a:hover,nav a.active{background:#eef2ff;color:var(--accent)}
nav ul{list-style:none;margin:0;padding:0}nav ul ul{padding-left:.75rem;font-size:13px}
nav .title{font-weight:700;font-size:16px;margin:0 0 .75rem}nav .group{margin:1rem 0 .25rem;color:var(--muted);text-transform:uppercase;font-size:12px}
main{flex:1;min-width:0;padding:1.5rem 2.5rem;max-width:1100px}
section{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1rem}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);padding:0 .2rem;border-radius:3px}
pre{background:var(--code);padding:.75rem;border-radius:6px;overflow:auto;max-height:28rem}pre code{padding:0;background:none}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:14px}td,th{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
details.operation{border:1px solid var(--line);border-radius:6px;margin:.5rem 0}
details.operation>summary{cursor:pointer;padding:.5rem .75rem;list-style:none}details.operation[open]>summary{border-bottom:1px solid var(--line)}
details.operation .body{padding:0 .75rem .75rem}
.method{display:inline-block;min-width:3.6rem;text-align:center;font:700 12px/1.6 ui-monospace,monospace;border-radius:4px;color:#fff;background:#64748b}
.method.get{background:#2563eb}.method.post{background:#059669}.method.patch,.method.put{background:#d97706}.method.delete{background:#dc2626}
.muted{color:var(--muted)}
.samples .tabs{display:flex;gap:.25rem;flex-wrap:wrap}
button{font:inherit;font-size:13px;border:1px solid var(--line);background:#fff;border-radius:4px;padding:.15rem .6rem;cursor:pointer}
button[aria-selected=true]{background:var(--accent);border-color:var(--accent);color:#fff}
button.copy{margin-left:auto}button.link{font-size:12px}
tr:target{background:#fff7d6}
`;
