/**
 * One table's settings: expose switch, resource name (checked as you type, saved on Enter or when
 * leaving the field), operations, then its columns and relations. Every change saves at once.
 */
import { useEffect, useMemo, useState } from 'react';
import type { WhitelistTable, WhitelistTableDetail } from '../../../src-shared/admin-api.ts';
import { ColumnsGrid } from './ColumnsGrid.tsx';
import { RelationsPanel } from './RelationsPanel.tsx';
import { nameProblem, OPERATIONS } from './settings-edit.ts';
import type { WhitelistModel } from './use-whitelist.ts';

interface Props {
  readonly detail: WhitelistTableDetail;
  readonly tables: readonly WhitelistTable[];
  readonly model: WhitelistModel;
}

function ResourceName({ detail, tables, model }: Props): React.JSX.Element {
  const [draft, setDraft] = useState(detail.resource);
  useEffect(() => setDraft(detail.resource), [detail.table, detail.resource]);
  const takenBy = useMemo(() => new Map(tables.filter((t) => t.exposed).map((t) => [t.resource, t.table])), [tables]);
  const problem = nameProblem(draft.trim(), takenBy, detail.table);
  const commit = (): void => {
    const name = draft.trim();
    if (problem !== null || name === detail.resource) return;
    model.change({ kind: 'name', name });
  };
  return (
    <label className="field wl-name">
      Resource name
      <div className="row">
        <span className="muted mono">/api/v1/</span>
        <input
          value={draft}
          data-testid="wl-resource-name"
          aria-invalid={problem !== null}
          placeholder={detail.resource}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(detail.resource);
          }}
        />
      </div>
      {problem !== null && <span className="wl-invalid" data-testid="wl-name-problem">{problem}</span>}
    </label>
  );
}

function Operations({ detail, model }: Omit<Props, 'tables'>): React.JSX.Element {
  return (
    <fieldset className="wl-ops" data-testid="wl-operations">
      <legend className="muted small">Operations</legend>
      {OPERATIONS.map((op) => {
        const needsKey = op !== 'read' && !detail.hasKey;
        const on = detail.operations.includes(op);
        return (
          <label key={op} className="wl-check" title={needsKey ? 'Needs a primary key: rows without one have no address' : undefined}>
            <input
              type="checkbox"
              data-testid={`wl-op-${op}`}
              checked={on}
              disabled={needsKey && !on}
              onChange={(e) =>
                model.change({ kind: 'operations', operations: e.target.checked ? [...detail.operations, op] : detail.operations.filter((o) => o !== op) })
              }
            />
            {op}
          </label>
        );
      })}
    </fieldset>
  );
}

export function TableEditor({ detail, tables, model }: Props): React.JSX.Element {
  return (
    <div className="wl-editor stack" data-testid="wl-editor">
      <div className="row wl-editor-head">
        <h1 className="grow" data-testid="wl-editor-title">
          {detail.table} <span className="muted small">~{detail.rowEstimate.toLocaleString()} rows · {detail.columns} columns</span>
        </h1>
        {detail.customised && (
          <button type="button" className="small ghost" data-testid="wl-reset" title="Remove this table's whitelist entry" onClick={model.reset}>
            Reset to defaults
          </button>
        )}
      </div>
      <div className="card wl-settings">
        <label className="wl-switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="wl-detail-expose"
            checked={detail.exposed}
            onChange={(e) => model.change({ kind: 'expose', exposed: e.target.checked })}
          />
          <span>{detail.exposed ? 'Exposed in the API' : 'Not exposed'}</span>
        </label>
        <ResourceName detail={detail} tables={tables} model={model} />
        <Operations detail={detail} model={model} />
      </div>
      {!detail.exposed && detail.reason !== null && (
        <p className="muted" data-testid="wl-reason">Why not exposed: {detail.reason}. Switch it on to serve it at /api/v1/{detail.resource}.</p>
      )}
      {detail.warnings.length > 0 && (
        <ul className="wl-warnings" data-testid="wl-warnings">
          {detail.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      <ColumnsGrid columns={detail.columnsDetail} onChange={model.change} />
      <RelationsPanel detail={detail} tables={tables} onAdd={model.addRelation} onRemove={model.removeRelation} />
    </div>
  );
}
