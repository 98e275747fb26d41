/**
 * The one moment a token's secret exists outside the store's hash: shown with a copy button, the
 * HMAC secret beside it when signing is on, and the token tester pre-filled. Esc does not close it
 * (the secret would be lost by a stray key); the user confirms they have copied it.
 */
import { useState } from 'react';
import type { CreatedToken } from '../../../src-shared/admin-api.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { TokenTester } from './TokenTester.tsx';

export function SecretDialog({ created, apiUrl, onClose }: { created: CreatedToken; apiUrl: string | null; onClose: () => void }): React.JSX.Element {
  const [testing, setTesting] = useState(false);
  const curl = `curl -H "Authorization: Bearer ${created.token}" ${apiUrl ?? 'http://127.0.0.1:PORT/api/v1'}/auth/test`;
  return (
    <ModalDialog title={`Token “${created.data.name}” created`} testId="token-created" onCancel={() => undefined} wide>
      <div className="stack">
        <p className="secret-warning" role="note">
          Copy the token now: <strong>you will not see it again.</strong> Only its SHA-256 is stored; a lost token is revoked and replaced.
        </p>
        <label className="field">
          Token
          <div className="row">
            <code className="secret grow" data-testid="token-secret">
              {created.token}
            </code>
            <CopyButton text={created.token} testId="token-secret-copy" />
          </div>
        </label>
        {created.hmacSecret !== null && (
          <label className="field">
            HMAC secret (sign X-Timestamp + X-Signature with it; shown once too)
            <div className="row">
              <code className="secret grow" data-testid="token-hmac-secret">
                {created.hmacSecret}
              </code>
              <CopyButton text={created.hmacSecret} testId="token-hmac-copy" />
            </div>
          </label>
        )}
        <label className="field">
          Try it
          <div className="row">
            <code className="secret grow">{curl}</code>
            <CopyButton text={curl} label="Copy cURL" />
          </div>
        </label>
        {testing ? (
          <TokenTester initialToken={created.token} />
        ) : (
          <div>
            <button type="button" data-testid="token-test-open" onClick={() => setTesting(true)}>
              Test this token
            </button>
          </div>
        )}
        <div className="row end">
          <button type="button" className="primary" data-testid="token-created-done" onClick={onClose}>
            I have copied it
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
