/** The audit entries as a dense table; entries that arrived through the live tail flash briefly. */
import type { AuditEntry } from '../../../src-shared/admin-api.ts';

function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx';
  if (status >= 400) return 'status-4xx';
  if (status >= 300) return 'status-3xx';
  return 'status-2xx';
}

function clock(iso: string): { short: string; full: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { short: iso, full: iso };
  const time = date.toLocaleTimeString(undefined, { hour12: false });
  const today = date.toDateString() === new Date().toDateString();
  return { short: today ? time : `${date.toLocaleDateString()} ${time}`, full: date.toISOString() };
}

export function LogTable({ entries, fresh }: { entries: readonly AuditEntry[]; fresh: ReadonlySet<number> }): React.JSX.Element {
  return (
    <div className="log-scroll">
      <table className="grid log-table" data-testid="log-table">
        <colgroup>
          <col className="c-time" />
          <col className="c-method" />
          <col />
          <col className="c-status" />
          <col className="c-rows" />
          <col className="c-ms" />
          <col className="c-token" />
          <col className="c-ip" />
          <col className="c-rid" />
        </colgroup>
        <thead>
          <tr>
            <th>Time</th>
            <th>Method</th>
            <th>Path</th>
            <th>Status</th>
            <th className="num">Rows</th>
            <th className="num">ms</th>
            <th>Token</th>
            <th>IP</th>
            <th>Request id</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const time = clock(e.time);
            return (
              <tr key={e.id} className={fresh.has(e.id) ? 'fresh' : undefined} data-testid="log-row" data-status={e.status}>
                <td title={time.full}>{time.short}</td>
                <td className={`method-${e.method} mono`}>{e.method}</td>
                <td className="mono ellipsis" title={e.path} data-testid="log-path">
                  {e.path}
                </td>
                <td>
                  <span className={`status ${statusClass(e.status)}`}>{e.status}</span>
                </td>
                <td className="num">{e.rows ?? '—'}</td>
                <td className="num">{e.durationMs < 10 ? e.durationMs.toFixed(1) : Math.round(e.durationMs)}</td>
                <td className="ellipsis" title={e.tokenId ?? 'no token'} data-testid="log-token">
                  {e.tokenName ?? (e.tokenId === null ? <span className="muted">none</span> : <code className="muted">{e.tokenId}</code>)}
                </td>
                <td className="mono ellipsis" title={e.ip}>
                  {e.ip}
                </td>
                <td className="mono ellipsis muted" title={e.requestId}>
                  {e.requestId}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
