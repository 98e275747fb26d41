/** History (newest first, clearable) or saved requests (named, deletable): a click loads one into the builder. */
import type { SavedRequest } from '../../../src-shared/admin-api.ts';

export interface RequestListProps {
  readonly kind: 'history' | 'saved';
  readonly items: readonly SavedRequest[];
  readonly onLoad: (item: SavedRequest) => void;
  readonly onDelete: (item: SavedRequest | null) => void;
}

function statusClass(status: number | null): string {
  if (status === null) return 'muted';
  return status < 300 ? 'status-ok' : status < 500 ? 'status-warn' : 'status-bad';
}

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

export function RequestList({ kind, items, onLoad, onDelete }: RequestListProps): React.JSX.Element {
  if (items.length === 0)
    return (
      <p className="muted small empty">
        {kind === 'history' ? 'Requests you send appear here. Pick an endpoint and press Ctrl+Enter.' : 'Nothing saved yet. Build a request and press Save (Ctrl+S) to keep it here.'}
      </p>
    );
  return (
    <div className="request-list" data-testid={`${kind}-list`}>
      {kind === 'history' && (
        <button type="button" className="ghost small danger clear" data-testid="history-clear" onClick={() => onDelete(null)}>
          Clear history
        </button>
      )}
      {items.map((item) => (
        <div key={item.id} className="request-item" data-testid={`${kind}-item`}>
          <button type="button" className="ghost load" data-testid={`${kind}-load`} onClick={() => onLoad(item)} title={item.request.path}>
            <span className={`badge method-${item.request.method}`}>{item.request.method}</span>
            <span className="grow">
              {item.name !== null && <strong className="name">{item.name}</strong>}
              <code className="path">{item.request.path.replace(/^\/api\/v1/, '')}</code>
            </span>
            <span className="meta small">
              <span className={statusClass(item.status)}>{item.status ?? ''}</span>
              <span className="muted">{kind === 'history' ? time(item.createdAt) : item.durationMs !== null ? `${Math.round(item.durationMs)} ms` : ''}</span>
            </span>
          </button>
          {kind === 'saved' && (
            <button type="button" className="ghost small danger" aria-label={`Delete ${item.name ?? 'request'}`} data-testid="saved-delete" onClick={() => onDelete(item)}>
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
