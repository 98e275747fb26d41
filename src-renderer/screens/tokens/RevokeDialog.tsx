/** Confirms a revocation: it takes effect on the token's next request and cannot be undone. */
import { useState } from 'react';
import type { ProblemBody, TokenRecord } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ModalDialog } from './ModalDialog.tsx';

export function RevokeDialog({ token, onDone, onCancel }: { token: TokenRecord; onDone: () => void; onCancel: () => void }): React.JSX.Element {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async (): Promise<void> => {
    setBusy(true);
    try {
      await admin<void>(`/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={`Revoke “${token.name}”?`} testId="revoke-dialog" onCancel={onCancel}>
      <div className="stack">
        <p>
          Every app using <code>{token.hint}</code> gets <strong>401</strong> from its next request. This cannot be undone; create a new token to restore access.
        </p>
        <ProblemAlert problem={problem} />
        <div className="row end">
          <button type="button" className="ghost" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="primary danger-fill" disabled={busy} data-testid="revoke-confirm" onClick={() => void revoke()}>
            Revoke token
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
