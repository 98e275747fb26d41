/** The connections: the built-in demo first, the active one marked; use, edit and delete from each row. */
import type { ConnectionInfo } from '../../../src-shared/admin-api.ts';

interface Props {
  readonly connections: readonly ConnectionInfo[];
  /** A switch is under way: no other can start. */
  readonly switching: boolean;
  onUse(connection: ConnectionInfo): void;
  onEdit(connection: ConnectionInfo): void;
  onDelete(connection: ConnectionInfo): void;
}

function where(c: ConnectionInfo): React.JSX.Element {
  if (c.builtIn) return <span className="muted">Built in · SQLite · Perfex-shaped sample data</span>;
  return (
    <code className="muted">
      {c.user}@{c.host}:{c.port}/{c.database}
      {c.tls ? ' · TLS' : ''}
      {c.prefix !== null ? ` · prefix ${c.prefix}` : ''}
    </code>
  );
}

export function ConnectionList({ connections, switching, onUse, onEdit, onDelete }: Props): React.JSX.Element {
  return (
    <ul className="conn-list" data-testid="conn-list" aria-label="Connections">
      {connections.map((c) => (
        <li key={c.id} data-testid={`conn-row-${c.id}`} className={c.active ? 'conn-item active' : 'conn-item'} aria-current={c.active ? 'true' : undefined}>
          <span className="conn-icon" aria-hidden="true">
            {c.dialect === 'mysql' ? '⛁' : '◆'}
          </span>
          <div className="conn-info">
            <div className="conn-title">
              <strong>{c.name}</strong>
              {c.builtIn && <span className="badge">demo</span>}
              {c.active && (
                <span className="pill ok" data-testid="conn-active">
                  ● Active
                </span>
              )}
            </div>
            <div className="conn-where">{where(c)}</div>
          </div>
          <div className="conn-actions">
            {!c.active && (
              <button type="button" className="small primary" data-testid={`conn-use-${c.id}`} disabled={switching} onClick={() => onUse(c)}>
                Use this connection
              </button>
            )}
            {!c.builtIn && (
              <button type="button" className="small" data-testid={`conn-edit-${c.id}`} onClick={() => onEdit(c)}>
                Edit
              </button>
            )}
            {!c.builtIn && (
              <button
                type="button"
                className="small danger"
                data-testid={`conn-delete-${c.id}`}
                disabled={c.active}
                title={c.active ? 'The API serves this database: switch to another one first' : undefined}
                onClick={() => onDelete(c)}
              >
                Delete
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
