/**
 * The columns of a table: visible / read-only / hidden, PII, declared type. Sensitive columns
 * (password hashes, tokens, secrets) are locked hidden, with the reason written out.
 */
import type { WhitelistColumn } from '../../../src-shared/admin-api.ts';
import type { TableChange } from './settings-edit.ts';

interface Props {
  readonly columns: readonly WhitelistColumn[];
  readonly onChange: (change: TableChange) => void;
}

type EditableState = Exclude<WhitelistColumn['state'], 'sensitive'>;
const STATES: readonly { readonly value: EditableState; readonly label: string }[] = [
  { value: 'visible', label: 'Visible' },
  { value: 'read-only', label: 'Read-only' },
  { value: 'hidden', label: 'Hidden' },
];

/** Drawn, not an emoji: Chromium on Linux often has no emoji font. */
function LockIcon(): React.JSX.Element {
  return (
    <svg className="wl-lock-icon" width="11" height="12" viewBox="0 0 11 12" aria-label="locked" role="img">
      <rect x="0.5" y="5" width="10" height="6.5" rx="1.5" fill="currentColor" />
      <path d="M2.5 5V3.5a3 3 0 0 1 6 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

function ColumnRow({ column, onChange }: { column: WhitelistColumn; onChange: Props['onChange'] }): React.JSX.Element {
  const locked = column.state === 'sensitive';
  return (
    <tr data-testid={`wl-col-${column.name}`} className={locked ? 'wl-locked' : column.state === 'hidden' ? 'wl-dim' : undefined}>
      <td>
        <code>{column.name}</code>
        {column.primaryKey && <span className="badge wl-key" title="Primary key">key</span>}
      </td>
      <td>
        {locked ? (
          <span className="wl-lock" data-testid={`wl-col-locked-${column.name}`}>
            <LockIcon /> Hidden — {column.lockedReason ?? 'sensitive'}
          </span>
        ) : (
          <select
            aria-label={`State of ${column.name}`}
            data-testid={`wl-col-state-${column.name}`}
            value={column.state}
            onChange={(e) => onChange({ kind: 'column-state', column: column.name, state: e.target.value as EditableState })}
          >
            {STATES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="wl-center">
        <input
          type="checkbox"
          aria-label={`${column.name} holds personal data`}
          data-testid={`wl-col-pii-${column.name}`}
          checked={column.pii}
          disabled={locked}
          title={locked ? 'Never served, so never randomised' : 'Personal data: randomised by the explorer’s PII mode and sandbox tokens'}
          onChange={(e) => onChange({ kind: 'column-pii', column: column.name, pii: e.target.checked })}
        />
      </td>
      <td className="wl-type">
        <code className="muted">{column.columnType}</code>
        {column.nullable && <span className="muted small"> null</span>}
      </td>
    </tr>
  );
}

export function ColumnsGrid({ columns, onChange }: Props): React.JSX.Element {
  const locked = columns.filter((c) => c.state === 'sensitive').length;
  return (
    <div className="stack">
      <div className="row">
        <h2 className="grow">Columns</h2>
        <span className="muted small">
          {columns.length} columns{locked > 0 ? ` · ${locked} locked (sensitive)` : ''}
        </span>
      </div>
      <table className="grid wl-columns" data-testid="wl-columns">
        <thead>
          <tr>
            <th>Column</th>
            <th>In the API</th>
            <th className="wl-center">PII</th>
            <th>Type</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <ColumnRow key={c.name} column={c} onChange={onChange} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
