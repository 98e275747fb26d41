/**
 * Connections: the databases the API can serve (the built-in demo and saved MySQL/MariaDB ones),
 * a form to add, edit and test them, and switching the served database with live progress. The
 * server swaps databases without restarting; every screen then reloads through `catalogChanged()`.
 */
import { useState } from 'react';
import type { ConnectionInfo } from '../../../src-shared/admin-api.ts';
import { useAdmin } from '../../api/use-admin.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useStudio } from '../../state/studio-store.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { ConnectionList } from './ConnectionList.tsx';
import { DeleteDialog } from './DeleteDialog.tsx';
import { SwitchProgress } from './SwitchProgress.tsx';
import { useSwitchJob } from './use-switch-job.ts';
import './connections.css';

type Panel = { kind: 'idle' } | { kind: 'add' } | { kind: 'edit'; connection: ConnectionInfo } | { kind: 'saved'; connection: ConnectionInfo };

export function ConnectionsScreen(): React.JSX.Element {
  const catalogVersion = useStudio((s) => s.catalogVersion);
  const notice = useStudio((s) => s.server?.connection.notice);
  const list = useAdmin<ConnectionInfo[]>('/connections', [catalogVersion]);
  const [panel, setPanel] = useState<Panel>({ kind: 'idle' });
  const [deleting, setDeleting] = useState<ConnectionInfo | null>(null);
  const switcher = useSwitchJob(list.reload);
  const connections = list.data ?? [];
  const use = (c: ConnectionInfo): void => {
    setPanel({ kind: 'idle' });
    switcher.start(c.id, c.name);
  };

  return (
    <section className="screen stack connections-screen" data-testid="screen-connections">
      <div className="row">
        <h1 className="grow">Connections</h1>
        <button type="button" className="primary" data-testid="conn-add" onClick={() => setPanel({ kind: 'add' })} disabled={panel.kind === 'add'}>
          + Add connection
        </button>
      </div>
      <p className="muted conn-intro">
        The API serves one database at a time. Add your Perfex CRM's MySQL/MariaDB database, test it, then use it: the API switches without a restart.
      </p>
      {notice !== undefined && (
        <div className="conn-notice" role="alert" data-testid="conn-notice">
          {notice}
        </div>
      )}
      <ProblemAlert problem={list.problem} />
      <div className="conn-layout">
        <div className="stack">
          {list.loading && list.data === undefined ? <Spinner label="Loading connections…" /> : (
            <ConnectionList
              connections={connections}
              switching={switcher.running}
              onUse={use}
              onEdit={(connection) => setPanel({ kind: 'edit', connection })}
              onDelete={setDeleting}
            />
          )}
          {list.data !== undefined && connections.length === 1 && panel.kind === 'idle' && (
            <div className="card conn-empty" data-testid="conn-empty">
              Only the demo database so far. <button type="button" className="small" onClick={() => setPanel({ kind: 'add' })}>Add your MySQL/MariaDB database</button> to serve your own CRM.
            </div>
          )}
        </div>
        <div className="stack">
          <SwitchProgress state={switcher} />
          {(panel.kind === 'add' || panel.kind === 'edit') && (
            <ConnectionForm
              key={panel.kind === 'edit' ? panel.connection.id : 'new'}
              editing={panel.kind === 'edit' ? panel.connection : undefined}
              onCancel={() => setPanel({ kind: 'idle' })}
              onSaved={(connection) => {
                setPanel({ kind: 'saved', connection });
                list.reload();
              }}
            />
          )}
          {panel.kind === 'saved' && (
            <div className="card stack" data-testid="conn-saved">
              <span>
                Saved <strong>{panel.connection.name}</strong>.{panel.connection.active ? ' It is in use: use it again to apply the changes.' : ''}
              </span>
              <div className="row">
                <button type="button" className="primary" data-testid="conn-saved-use" disabled={switcher.running} onClick={() => use(panel.connection)}>
                  Use this connection
                </button>
                <button type="button" className="ghost" onClick={() => setPanel({ kind: 'idle' })}>
                  Close
                </button>
              </div>
            </div>
          )}
          {panel.kind === 'idle' && switcher.target === null && (
            <div className="card muted small conn-help">
              <strong>How switching works.</strong> “Use this connection” connects, reads the schema and builds the API's resources from the whitelist; requests keep being answered by the current database until the new one is ready, and a failure leaves it in place. The choice is remembered for the next launch.
            </div>
          )}
        </div>
      </div>
      {deleting !== null && (
        <DeleteDialog
          connection={deleting}
          onCancel={() => setDeleting(null)}
          onDone={() => {
            setDeleting(null);
            if (panel.kind !== 'idle' && panel.kind !== 'add' && panel.connection.id === deleting.id) setPanel({ kind: 'idle' });
            list.reload();
          }}
        />
      )}
    </section>
  );
}
