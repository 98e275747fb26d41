/**
 * Logs: every `/api/v1` request from the audit log, filtered by status, token, resource and time,
 * paged back with "load older", and a live tail that polls for new entries every second.
 */
import { useState } from 'react';
import type { TokenRecord } from '../../../src-shared/admin-api.ts';
import { useAdmin } from '../../api/use-admin.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useStudio } from '../../state/studio-store.ts';
import { filterQuery, hasFilters, NO_FILTERS, type LogFilters } from './log-filters.ts';
import { LogFilterBar } from './LogFilterBar.tsx';
import { LogTable } from './LogTable.tsx';
import { useAuditLog } from './use-audit-log.ts';
import './logs.css';

export function LogsScreen(): React.JSX.Element {
  const catalogVersion = useStudio((s) => s.catalogVersion);
  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const [tail, setTail] = useState(false);
  const tokens = useAdmin<TokenRecord[]>('/tokens');
  const catalog = useAdmin<{ resources: readonly { name: string }[] }>('/catalog', [catalogVersion]);
  const log = useAuditLog(filterQuery(filters), tail);

  return (
    <section className="screen stack logs-screen" data-testid="screen-logs">
      <div className="row">
        <h1 className="grow">Logs</h1>
        <label className={tail ? 'tail-switch on' : 'tail-switch'} title="Poll for new requests every second while this tab is visible">
          <input type="checkbox" role="switch" data-testid="log-tail" checked={tail} onChange={(e) => setTail(e.target.checked)} />
          <span className="tail-dot" aria-hidden="true" />
          Live tail
        </label>
        <button type="button" className="small" data-testid="log-refresh" onClick={log.reload} disabled={log.loading}>
          Refresh
        </button>
      </div>
      <LogFilterBar filters={filters} onChange={setFilters} tokens={tokens.data ?? []} resources={(catalog.data?.resources ?? []).map((r) => r.name)} />
      <ProblemAlert problem={log.problem} />
      {log.loading && log.entries.length === 0 && <Spinner label="Reading the audit log…" />}
      {!log.loading && log.entries.length === 0 && log.problem === null && (
        <div className="card muted" data-testid="logs-empty">
          {hasFilters(filters)
            ? 'No request matches these filters. Widen the time range or clear the filters.'
            : 'No request recorded yet. Calls to /api/v1 appear here: send one from the Explorer, or call the API with a token and turn on the live tail.'}
        </div>
      )}
      {log.entries.length > 0 && <LogTable entries={log.entries} fresh={log.fresh} />}
      <div className="row">
        <span className="muted small" data-testid="log-count">
          {log.entries.length} {log.entries.length === 1 ? 'entry' : 'entries'} shown{tail ? ', tailing' : ''}
        </span>
        {log.hasOlder && (
          <button type="button" className="small" data-testid="log-older" disabled={log.loadingOlder} onClick={log.loadOlder}>
            Load older
          </button>
        )}
        {log.loadingOlder && <Spinner label="Loading older entries…" />}
      </div>
    </section>
  );
}
