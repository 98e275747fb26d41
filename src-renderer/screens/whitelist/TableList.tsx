/**
 * Every table of the database, searchable by table or resource name: exposed toggle, row estimate
 * and badges. ↑/↓ move the selection (from the search box too), `/` focuses the search.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WhitelistTable } from '../../../src-shared/admin-api.ts';

interface Props {
  readonly tables: readonly WhitelistTable[];
  readonly selected: string | null;
  readonly onSelect: (table: string) => void;
  readonly onToggle: (table: WhitelistTable, exposed: boolean) => void;
}

const rows = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

function matches(t: WhitelistTable, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || t.table.toLowerCase().includes(q) || t.resource.toLowerCase().includes(q);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

export function TableList({ tables, selected, onSelect, onToggle }: Props): React.JSX.Element {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => tables.filter((t) => matches(t, query)), [tables, query]);
  const exposed = tables.filter((t) => t.exposed).length;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const inSearch = event.target === search.current;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || (isTyping(event.target) && !inSearch)) return;
      if (event.altKey || event.ctrlKey || event.metaKey || shown.length === 0) return;
      event.preventDefault();
      const index = shown.findIndex((t) => t.table === selected);
      const next = event.key === 'ArrowDown' ? Math.min(index + 1, shown.length - 1) : Math.max(index - 1, 0);
      const table = shown[index === -1 ? 0 : next];
      if (table !== undefined) onSelect(table.table);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, selected, onSelect]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, shown.length]);

  return (
    <div className="wl-list">
      <div className="wl-search">
        <input
          ref={search}
          type="search"
          placeholder="Search tables  ( / )"
          aria-label="Search tables"
          data-testid="whitelist-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted small" data-testid="whitelist-count">
          {exposed} of {tables.length} exposed
        </span>
      </div>
      {shown.length === 0 && (
        <div className="muted wl-empty" data-testid="whitelist-no-match">
          No table matches “{query}”. Search by table (<code>tblinvoices</code>) or resource name (<code>invoices</code>).{' '}
          <button type="button" className="small" onClick={() => setQuery('')}>Clear</button>
        </div>
      )}
      <ul ref={list} className="wl-tables" role="listbox" aria-label="Tables">
        {shown.map((t) => (
          <li
            key={t.table}
            role="option"
            aria-selected={t.table === selected}
            className={t.table === selected ? 'wl-item selected' : 'wl-item'}
            data-testid={`wl-table-${t.table}`}
            onClick={() => onSelect(t.table)}
          >
            <input
              type="checkbox"
              checked={t.exposed}
              title={t.exposed ? 'Exposed: click to hide it from the API' : 'Not exposed: click to expose it'}
              aria-label={`Expose ${t.table}`}
              data-testid={`wl-expose-${t.table}`}
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => onToggle(t, e.target.checked)}
            />
            <div className="grow wl-names">
              <span className={t.exposed ? 'wl-table-name' : 'wl-table-name muted'}>{t.table}</span>
              <span className="muted small">
                {t.exposed ? `/${t.resource}` : (t.reason ?? 'not exposed')}
              </span>
            </div>
            <div className="wl-badges">
              {t.customised && <span className="badge wl-badge-custom" title="Has its own whitelist entry">custom</span>}
              {t.exposed && t.operations.length === 1 && t.operations[0] === 'read' && <span className="badge wl-badge-ro" title="Only read is allowed">read-only</span>}
              {!t.hasKey && <span className="badge wl-badge-warn" title="No usable primary key: it can only be read">no key</span>}
              <span className="muted small wl-rows" title={`about ${t.rowEstimate} rows`}>{rows.format(t.rowEstimate)}</span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
