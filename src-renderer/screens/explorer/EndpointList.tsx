/**
 * REST endpoints grouped by resource, with a filter box (`/` focuses it), and the GraphQL entry.
 * A group opens on click and loads its list endpoint; the filter opens every group that matches.
 */
import { useEffect, useRef, useState } from 'react';
import type { EndpointInfo, ExplorerEndpoints } from '../../../src-shared/admin-api.ts';

export interface EndpointListProps {
  readonly endpoints: ExplorerEndpoints;
  readonly current: { readonly mode: 'rest' | 'graphql'; readonly method: string; readonly path: string };
  readonly onPick: (endpoint: EndpointInfo) => void;
  readonly onGraphql: () => void;
}

function matches(filter: string, ...texts: string[]): boolean {
  const f = filter.trim().toLowerCase();
  return f === '' || texts.some((t) => t.toLowerCase().includes(f));
}

/** `/api/v1/invoices/{id}` → a concrete path to start from. */
export function startingPath(endpoint: EndpointInfo): string {
  return endpoint.path.replace(/\{[^}]+\}/g, '1');
}

export function EndpointList({ endpoints, current, onPick, onGraphql }: EndpointListProps): React.JSX.Element {
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, .monaco-editor') !== null) return;
      event.preventDefault();
      box.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = endpoints.resources
    .map((r) => ({ resource: r, items: r.endpoints.filter((e) => matches(filter, r.resource, r.table, e.path, e.summary, e.method)) }))
    .filter((g) => g.items.length > 0);
  const toggle = (name: string, list: EndpointInfo | undefined): void => {
    const next = new Set(open);
    if (next.has(name)) next.delete(name);
    else {
      next.add(name);
      if (list !== undefined) onPick(list);
    }
    setOpen(next);
  };

  return (
    <div className="endpoint-list">
      <input
        ref={box}
        type="search"
        className="endpoint-filter"
        placeholder="Filter endpoints  ( / )"
        aria-label="Filter endpoints"
        data-testid="endpoint-filter"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {endpoints.graphql.enabled && (
        <button type="button" className={current.mode === 'graphql' ? 'endpoint graphql active' : 'endpoint graphql'} data-testid="endpoint-graphql" onClick={onGraphql}>
          <span className="badge method-POST">GQL</span> GraphQL <code className="muted">{endpoints.graphql.path}</code>
        </button>
      )}
      {groups.length === 0 && <p className="muted small">No endpoint matches “{filter}”. Clear the filter, or expose more tables in the Whitelist screen.</p>}
      {groups.map(({ resource, items }) => {
        const expanded = open.has(resource.resource) || filter.trim() !== '';
        const list = resource.endpoints.find((e) => e.method === 'GET' && !e.path.includes('{'));
        return (
          <div key={resource.resource} className="endpoint-group" data-testid={`endpoint-group-${resource.resource}`}>
            <button type="button" className="group-head" aria-expanded={expanded} onClick={() => toggle(resource.resource, list)}>
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {resource.resource}
              <span className="muted small">{items.length}</span>
            </button>
            {expanded &&
              items.map((e) => {
                const active = current.mode === 'rest' && current.method === e.method && current.path.split('?')[0] === startingPath(e);
                return (
                  <button
                    key={`${e.method} ${e.path}`}
                    type="button"
                    className={active ? 'endpoint active' : 'endpoint'}
                    data-testid={`endpoint-${e.operationId}`}
                    title={e.summary}
                    onClick={() => onPick(e)}
                  >
                    <span className={`badge method-${e.method}`}>{e.method}</span>
                    <code>{e.path.replace(/^\/api\/v1/, '')}</code>
                  </button>
                );
              })}
          </div>
        );
      })}
    </div>
  );
}
