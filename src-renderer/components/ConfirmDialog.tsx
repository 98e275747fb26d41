/**
 * "Are you sure?" for a destructive action (delete a connection, revoke a token): says what happens,
 * Cancel has the focus, the action runs on confirm and a refusal is shown in place.
 */
import { useState } from 'react';
import type { ProblemBody } from '../../src-shared/admin-api.ts';
import { ApiProblem } from '../api/admin-client.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly confirmLabel: string;
  readonly confirmTestId: string;
  /** Runs the action; a thrown ApiProblem keeps the dialog open with the problem. */
  readonly onConfirm: () => Promise<void>;
  readonly onCancel: () => void;
  readonly children: React.ReactNode;
}

export function ConfirmDialog({ title, testId, confirmLabel, confirmTestId, onConfirm, onCancel, children }: ConfirmDialogProps): React.JSX.Element {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={title} testId={testId} onCancel={onCancel}>
      <div className="stack">
        {children}
        <ProblemAlert problem={problem} />
        <div className="row modal-actions">
          <button type="button" className="ghost" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="primary danger-fill" disabled={busy} data-testid={confirmTestId} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
