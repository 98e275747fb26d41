/**
 * The per-resource CRUD matrix: rows are the exposed resources, columns read/create/update/delete,
 * with "all" toggles per row and per column, and a `*` row granting an operation on every resource,
 * including resources exposed later. Cells the whitelist does not allow are shown, disabled, so the
 * user sees why a right cannot be given.
 */
import { useEffect, useRef, useState } from 'react';
import type { Operation } from '../../../src-shared/admin-api.ts';
import {
  columnState,
  isGranted,
  OPERATIONS,
  rowState,
  setCell,
  setColumn,
  setRow,
  setStar,
  type GrantMatrix as Grants,
  type MatrixResource,
} from './grant-matrix-state.ts';

function TriCheckbox(props: { state: 'all' | 'some' | 'none'; disabled?: boolean; label: string; testId: string; onChange: (on: boolean) => void }): React.JSX.Element {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = props.state === 'some';
  }, [props.state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={props.label}
      title={props.label}
      data-testid={props.testId}
      checked={props.state === 'all'}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.checked)}
    />
  );
}

export function GrantMatrix({ resources, grants, onChange }: { resources: readonly MatrixResource[]; grants: Grants; onChange: (next: Grants) => void }): React.JSX.Element {
  const [filter, setFilter] = useState('');
  const shown = resources.filter((r) => r.name.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="grant-matrix stack">
      <div className="row">
        <input
          className="grow"
          type="search"
          placeholder={`Filter ${resources.length} resources…`}
          aria-label="Filter resources"
          data-testid="grant-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="grant-scroll">
        <table className="grid grant-table">
          <thead>
            <tr>
              <th>Resource</th>
              {OPERATIONS.map((op) => (
                <th key={op} className="grant-op">
                  {op}
                </th>
              ))}
              <th className="grant-op">all</th>
            </tr>
          </thead>
          <tbody>
            <tr className="grant-star">
              <td title="Every resource, including resources exposed later">
                <code>*</code> <span className="muted small">every resource, now and future</span>
              </td>
              {OPERATIONS.map((op) => (
                <td key={op} className="grant-op">
                  <input type="checkbox" aria-label={`${op} on every resource`} data-testid={`grant-star-${op}`} checked={grants[op] === '*'} onChange={(e) => onChange(setStar(grants, op, e.target.checked))} />
                </td>
              ))}
              <td />
            </tr>
            <tr className="grant-all">
              <td className="muted small">all listed resources</td>
              {OPERATIONS.map((op) => (
                <td key={op} className="grant-op">
                  <TriCheckbox
                    state={columnState(grants, op, resources)}
                    disabled={grants[op] === '*'}
                    label={`${op} on every listed resource`}
                    testId={`grant-all-${op}`}
                    onChange={(on) => onChange(setColumn(grants, op, resources, on))}
                  />
                </td>
              ))}
              <td />
            </tr>
            {shown.map((r) => (
              <tr key={r.name}>
                <td>
                  <code>{r.name}</code>
                </td>
                {OPERATIONS.map((op) => (
                  <td key={op} className="grant-op">
                    <Cell resource={r} op={op} grants={grants} onChange={onChange} />
                  </td>
                ))}
                <td className="grant-op">
                  <TriCheckbox state={rowState(grants, r)} label={`every operation on ${r.name}`} testId={`grant-row-${r.name}`} onChange={(on) => onChange(setRow(grants, r, on))} />
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {resources.length === 0 ? 'No resource is exposed: expose tables in the Whitelist screen first.' : `No resource matches “${filter}”.`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({ resource, op, grants, onChange }: { resource: MatrixResource; op: Operation; grants: Grants; onChange: (next: Grants) => void }): React.JSX.Element {
  if (!resource.operations.includes(op)) {
    return (
      <span className="muted" title={`The whitelist does not allow ${op} on ${resource.name}`}>
        —
      </span>
    );
  }
  const star = grants[op] === '*';
  return (
    <input
      type="checkbox"
      aria-label={`${op} ${resource.name}`}
      data-testid={`grant-${resource.name}-${op}`}
      checked={isGranted(grants, op, resource.name)}
      disabled={star}
      title={star ? `Granted by * (every resource)` : undefined}
      onChange={(e) => onChange(setCell(grants, op, resource.name, e.target.checked))}
    />
  );
}
