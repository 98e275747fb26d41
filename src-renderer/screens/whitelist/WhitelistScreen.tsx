/**
 * The whitelist editor: every table of the database on the left (search, exposed toggles, badges,
 * ↑/↓ and `/`), the selected table's settings, columns and relations on the right. Each change is
 * saved and applied to the running API at once; the explorer reloads through `catalogChanged`.
 */
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TableEditor } from './TableEditor.tsx';
import { TableList } from './TableList.tsx';
import { useWhitelist } from './use-whitelist.ts';
import { WhitelistToolbar } from './WhitelistToolbar.tsx';
import './whitelist.css';

export function WhitelistScreen(): React.JSX.Element {
  const model = useWhitelist();
  const { tables, detail } = model;
  return (
    <section className="screen wl-screen" data-testid="screen-whitelist">
      <WhitelistToolbar overview={model.overview} status={model.status} onMode={model.setMode} onImport={model.importFile} onProblem={model.showProblem} />
      <ProblemAlert problem={model.problem} onDismiss={model.dismissProblem} />
      <ProblemAlert problem={model.loadProblem} />
      {tables === undefined ? (
        model.loadProblem === null && <Spinner label="Reading the tables of the database…" />
      ) : tables.length === 0 ? (
        <div className="card" data-testid="whitelist-empty">
          This database has no tables. Pick another connection in Connections, or create tables and refresh the catalog.
        </div>
      ) : (
        <div className="wl-panes">
          <TableList tables={tables} selected={model.selected} onSelect={model.select} onToggle={model.toggleExposed} />
          {detail === undefined ? (
            <div className="wl-editor">
              {model.selected === null ? <p className="muted">Select a table on the left (↑/↓ or click).</p> : <Spinner label={`Loading ${model.selected}…`} />}
            </div>
          ) : (
            <TableEditor detail={detail} tables={tables} model={model} />
          )}
        </div>
      )}
    </section>
  );
}
