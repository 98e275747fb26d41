/**
 * Tokens: the list, the create form with its CRUD matrix, the secret shown once, revocation with
 * confirmation, and a tester that runs `/api/v1/auth/test` as a pasted token.
 */
import { useState } from 'react';
import type { CreatedToken, Operation, TokenRecord } from '../../../src-shared/admin-api.ts';
import { useAdmin } from '../../api/use-admin.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useStudio } from '../../state/studio-store.ts';
import { RevokeDialog } from './RevokeDialog.tsx';
import { SecretDialog } from './SecretDialog.tsx';
import { TokenForm } from './TokenForm.tsx';
import { TokenTable } from './TokenTable.tsx';
import { TokenTester } from './TokenTester.tsx';
import './tokens.css';

interface CatalogSummary {
  readonly resources: readonly { readonly name: string; readonly operations: readonly string[] }[];
}

export function TokensScreen(): React.JSX.Element {
  const catalogVersion = useStudio((s) => s.catalogVersion);
  const apiUrl = useStudio((s) => s.server?.apiUrl ?? null);
  const tokens = useAdmin<TokenRecord[]>('/tokens');
  const catalog = useAdmin<CatalogSummary>('/catalog', [catalogVersion]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenRecord | null>(null);
  const resources = (catalog.data?.resources ?? []).map((r) => ({ name: r.name, operations: r.operations as Operation[] }));
  const list = tokens.data ?? [];

  return (
    <section className="screen stack tokens-screen" data-testid="screen-tokens">
      <div className="row">
        <h1 className="grow">Tokens</h1>
        {!creating && (
          <button type="button" className="primary" data-testid="token-new" onClick={() => setCreating(true)}>
            + New token
          </button>
        )}
      </div>
      <p className="muted screen-intro">
        A token lets an app, a teammate&apos;s phone or a Retool board call the data API with the rights you give it. Send it as <code>Authorization: Bearer pas_…</code>.
      </p>
      <ProblemAlert problem={catalog.problem} />
      {creating && (
        <TokenForm
          resources={resources}
          onCancel={() => setCreating(false)}
          onCreated={(answer) => {
            setCreated(answer);
            setCreating(false);
            tokens.reload();
          }}
        />
      )}
      <ProblemAlert problem={tokens.problem} />
      {tokens.loading && tokens.data === undefined && <Spinner label="Loading tokens…" />}
      {tokens.data !== undefined && list.length === 0 && !creating && (
        <div className="card empty" data-testid="tokens-empty">
          No token yet. Create one to share the API: choose what it may read and write, and from where.{' '}
          <button type="button" className="small" onClick={() => setCreating(true)}>
            Create a token
          </button>
        </div>
      )}
      {list.length > 0 && <TokenTable tokens={list} onRevoke={setRevoking} />}
      <div className="card stack">
        <h2>Test a token</h2>
        <p className="muted small">Paste a token to see what the API answers it: its name, scopes and how many resources it reaches, or why it is refused.</p>
        <TokenTester />
      </div>
      {created !== null && <SecretDialog created={created} apiUrl={apiUrl} onClose={() => setCreated(null)} />}
      {revoking !== null && (
        <RevokeDialog
          token={revoking}
          onCancel={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            tokens.reload();
          }}
        />
      )}
    </section>
  );
}
