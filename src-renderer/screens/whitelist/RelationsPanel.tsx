/**
 * The relations of an exposed table, where each came from (foreign key, Perfex knowledge, name
 * heuristic, the whitelist), a remove button, and a form to add one the heuristics missed.
 */
import { useState } from 'react';
import type { RelationAddInput, RelationInfo, WhitelistTable, WhitelistTableDetail } from '../../../src-shared/admin-api.ts';
import { useAdmin } from '../../api/use-admin.ts';

interface Props {
  readonly detail: WhitelistTableDetail;
  readonly tables: readonly WhitelistTable[];
  readonly onAdd: (input: RelationAddInput) => void;
  readonly onRemove: (name: string) => void;
}

const SOURCES: Record<RelationInfo['source'], string> = {
  fk: 'declared foreign key',
  perfex: 'Perfex relation catalogue',
  heuristic: 'guessed from the column name',
  config: 'added in the whitelist',
};

function AddRelationForm({ detail, tables, onAdd }: Omit<Props, 'onRemove'>): React.JSX.Element {
  const [column, setColumn] = useState('');
  const [target, setTarget] = useState('');
  const [targetColumn, setTargetColumn] = useState('');
  const targetDetail = useAdmin<WhitelistTableDetail>(target === '' ? null : `/whitelist/tables/${encodeURIComponent(target)}`, [target]);
  const columns = detail.columnsDetail.filter((c) => c.state !== 'sensitive');
  const targets = tables.filter((t) => t.exposed);
  const keyOfTarget = targetDetail.data?.columnsDetail.filter((c) => c.primaryKey).map((c) => c.name) ?? [];
  const ready = column !== '' && target !== '' && (targetColumn !== '' || keyOfTarget.length === 1);
  return (
    <form
      className="wl-add-relation"
      data-testid="wl-relation-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onAdd({ table: detail.table, column, targetTable: target, ...(targetColumn === '' ? {} : { targetColumn }) });
        setColumn('');
        setTarget('');
        setTargetColumn('');
      }}
    >
      <label className="field">
        Column
        <select value={column} data-testid="wl-relation-column" onChange={(e) => setColumn(e.target.value)}>
          <option value="">Choose…</option>
          {columns.map((c) => (
            <option key={c.name} value={c.name}>{c.name}</option>
          ))}
        </select>
      </label>
      <span className="wl-arrow" aria-hidden="true">→</span>
      <label className="field">
        Target table
        <select value={target} data-testid="wl-relation-target" onChange={(e) => { setTarget(e.target.value); setTargetColumn(''); }}>
          <option value="">Choose…</option>
          {targets.map((t) => (
            <option key={t.table} value={t.table}>{t.table} ({t.resource})</option>
          ))}
        </select>
      </label>
      <label className="field">
        Target column
        <select value={targetColumn} data-testid="wl-relation-target-column" disabled={target === ''} onChange={(e) => setTargetColumn(e.target.value)}>
          <option value="">{keyOfTarget.length === 1 ? `${keyOfTarget[0]} (primary key)` : 'Choose…'}</option>
          {(targetDetail.data?.columnsDetail ?? []).filter((c) => c.state !== 'sensitive' && !(keyOfTarget.length === 1 && c.primaryKey)).map((c) => (
            <option key={c.name} value={c.name}>{c.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={!ready} data-testid="wl-relation-add">Add relation</button>
    </form>
  );
}

export function RelationsPanel({ detail, tables, onAdd, onRemove }: Props): React.JSX.Element {
  if (!detail.exposed) {
    return (
      <div className="stack">
        <h2>Relations</h2>
        <p className="muted" data-testid="wl-relations-unexposed">Expose this table to see and edit its relations (they join exposed tables only).</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h2>Relations</h2>
      {detail.relations.length === 0 ? (
        <p className="muted" data-testid="wl-relations-empty">No relation found for this table. Add one below if a column points to another table.</p>
      ) : (
        <table className="grid" data-testid="wl-relations">
          <thead>
            <tr><th>Name</th><th>Kind</th><th>Joins</th><th>Source</th><th /></tr>
          </thead>
          <tbody>
            {detail.relations.map((r) => (
              <tr key={r.name} data-testid={`wl-rel-${r.name}`}>
                <td><code>{r.name}</code></td>
                <td className="muted">{r.kind}</td>
                <td title={r.description}>
                  <code>{r.localColumn}</code> → {r.target ?? 'by type'}{r.target !== null && <code>.{r.remoteColumn}</code>}
                </td>
                <td><span className={`badge wl-src-${r.source}`} title={SOURCES[r.source]}>{r.source}</span></td>
                <td>
                  <button type="button" className="small danger" data-testid={`wl-rel-remove-${r.name}`} title={`Remove ${r.name}: include=${r.name} will be refused`} onClick={() => onRemove(r.name)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddRelationForm detail={detail} tables={tables} onAdd={onAdd} />
    </div>
  );
}
