/** The response's Headers, SQL (statements with their parameters and durations) and Timings tabs. */
import type { ExplorerResponse } from '../../../src-shared/admin-api.ts';
import { CopyButton } from '../../components/CopyButton.tsx';

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
}

export function ResponseHeaders({ response }: { response: ExplorerResponse }): React.JSX.Element {
  return (
    <table className="grid" data-testid="response-headers">
      <tbody>
        {Object.entries(response.headers).map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SqlTab({ response }: { response: ExplorerResponse }): React.JSX.Element {
  if (response.statements.length === 0)
    return (
      <p className="muted" data-testid="response-sql">
        This request ran no SQL: it was refused before the database, or answered from what the server already knew (an ETag match).
      </p>
    );
  const total = response.statements.reduce((sum, s) => sum + s.durationMs, 0);
  return (
    <div className="sql-list" data-testid="response-sql">
      <p className="muted small">
        {response.statements.length} statement{response.statements.length === 1 ? '' : 's'} · {ms(total)} in the database. Values travel as bound parameters (<code>?</code>).
      </p>
      {response.statements.map((s, i) => (
        <div key={i} className="sql-statement card" data-testid="sql-statement">
          <div className="row">
            <strong>#{i + 1}</strong>
            <span className="muted small">{ms(s.durationMs)}</span>
            <span className="grow" />
            <CopyButton text={s.sql} label="Copy SQL" />
          </div>
          <pre className="code sql">{s.sql}</pre>
          {s.params.length > 0 && (
            <div className="sql-params small">
              params:{' '}
              {s.params.map((p, j) => (
                <code key={j} className="pill">
                  {JSON.stringify(p)}
                </code>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

export function TimingsTab({ response }: { response: ExplorerResponse }): React.JSX.Element {
  const max = Math.max(...response.timings.map((t) => t.durationMs), 0.001);
  return (
    <div className="timings" data-testid="response-timings">
      {response.timings.length === 0 && <p className="muted">The server reported no stage timings for this request (no Server-Timing header).</p>}
      {response.timings.map((t) => (
        <div key={t.name} className="timing-row">
          <span className="timing-name">{t.name}</span>
          <span className="timing-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(1, (t.durationMs / max) * 100)}%` }} />
          </span>
          <span className="timing-ms">{ms(t.durationMs)}</span>
        </div>
      ))}
      <p className="muted small">Total round trip through the API: {ms(response.durationMs)}.</p>
    </div>
  );
}
