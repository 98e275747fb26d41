/** Confirms a revocation: it takes effect on the token's next request and cannot be undone. */
import type { TokenRecord } from '../../../src-shared/admin-api.ts';
import { admin } from '../../api/admin-client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

export function RevokeDialog({ token, onDone, onCancel }: { token: TokenRecord; onDone: () => void; onCancel: () => void }): React.JSX.Element {
  return (
    <ConfirmDialog
      title={`Revoke “${token.name}”?`}
      testId="revoke-dialog"
      confirmLabel="Revoke token"
      confirmTestId="revoke-confirm"
      onCancel={onCancel}
      onConfirm={async () => {
        await admin<void>(`/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
        onDone();
      }}
    >
      <p>
        Every app using <code>{token.hint}</code> gets <strong>401</strong> from its next request. This cannot be undone; create a new token to restore access.
      </p>
    </ConfirmDialog>
  );
}
