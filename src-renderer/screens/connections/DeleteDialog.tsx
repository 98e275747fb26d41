/** Confirms deleting a saved connection (its sealed password goes with it). Esc or Cancel keeps it. */
import { useEffect, useRef, useState } from 'react';
import type { ConnectionInfo, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function DeleteDialog({ connection, onDone, onCancel }: { connection: ConnectionInfo; onDone: () => void; onCancel: () => void }): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await admin<void>(`/connections/${encodeURIComponent(connection.id)}`, { method: 'DELETE' });
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={ref}
      className="conn-dialog"
      data-testid="conn-delete-dialog"
      aria-label={`Delete ${connection.name}`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2>Delete “{connection.name}”?</h2>
      <p>
        The saved settings and password of <code>{connection.user}@{connection.host}:{connection.port}/{connection.database}</code> are removed from this machine. The database itself is not touched.
      </p>
      <ProblemAlert problem={problem} />
      <div className="row conn-dialog-actions">
        <button type="button" className="ghost" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary conn-danger-fill" data-testid="conn-delete-confirm" disabled={busy} onClick={() => void remove()}>
          Delete connection
        </button>
      </div>
    </dialog>
  );
}
