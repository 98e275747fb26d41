/** Confirms deleting a saved connection (its sealed password goes with it). Esc or Cancel keeps it. */
import type { ConnectionInfo } from '../../../src-shared/admin-api.ts';
import { admin } from '../../api/admin-client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

export function DeleteDialog({ connection, onDone, onCancel }: { connection: ConnectionInfo; onDone: () => void; onCancel: () => void }): React.JSX.Element {
  return (
    <ConfirmDialog
      title={`Delete “${connection.name}”?`}
      testId="conn-delete-dialog"
      confirmLabel="Delete connection"
      confirmTestId="conn-delete-confirm"
      onCancel={onCancel}
      onConfirm={async () => {
        await admin<void>(`/connections/${encodeURIComponent(connection.id)}`, { method: 'DELETE' });
        onDone();
      }}
    >
      <p>
        The saved settings and password of <code>{connection.user}@{connection.host}:{connection.port}/{connection.database}</code> are removed from this machine. The database itself is not touched.
      </p>
    </ConfirmDialog>
  );
}
