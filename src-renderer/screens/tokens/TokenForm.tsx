/**
 * The create-token form: name, scopes, the CRUD matrix, origins, IP allow-list, expiry, rate limit,
 * HMAC signing and sandbox (PII randomised for this token). The server validates; its problem is
 * shown as is, with the field errors it names.
 */
import { useState } from 'react';
import type { CreatedToken, ProblemBody } from '../../../src-shared/admin-api.ts';
import { adminRequest, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { MatrixResource } from './grant-matrix-state.ts';
import { GrantMatrix } from './GrantMatrix.tsx';
import { EMPTY_DRAFT, SCOPES, toTokenInput, withGrants, type TokenDraft } from './token-draft.ts';

export function TokenForm({ resources, onCreated, onCancel }: { resources: readonly MatrixResource[]; onCreated: (created: CreatedToken) => void; onCancel: () => void }): React.JSX.Element {
  const [draft, setDraft] = useState<TokenDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TokenDraft>): void => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      // The whole answer ({ data, token, hmacSecret }), not only `data`: the secrets are beside it.
      const response = await adminRequest('/tokens', { method: 'POST', body: JSON.stringify(toTokenInput(draft)) });
      onCreated((await response.json()) as CreatedToken);
      setDraft(EMPTY_DRAFT);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card stack token-form"
      data-testid="token-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <h2>New token</h2>
      <div className="token-form-top">
        <label className="field">
          Name (who or what uses it)
          <input required autoFocus maxLength={100} placeholder="Retool board, Ana's phone…" data-testid="token-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <fieldset className="field scopes">
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s.id} className="check" title={s.help}>
              <input
                type="checkbox"
                data-testid={`scope-${s.id}`}
                checked={draft.scopes.includes(s.id)}
                onChange={(e) => set({ scopes: e.target.checked ? [...draft.scopes, s.id] : draft.scopes.filter((x) => x !== s.id) })}
              />
              {s.id}
            </label>
          ))}
        </fieldset>
      </div>
      <h2>Rights per resource</h2>
      <GrantMatrix resources={resources} grants={draft.grants} onChange={(grants) => setDraft((d) => withGrants(d, grants))} />
      <div className="token-form-grid">
        <label className="field">
          Allowed origins (browsers; one per line, empty = any)
          <textarea rows={2} placeholder="https://retool.example.com" data-testid="token-origins" value={draft.origins} onChange={(e) => set({ origins: e.target.value })} />
        </label>
        <label className="field">
          IP allow-list (IP or CIDR; one per line, empty = any)
          <textarea rows={2} placeholder="192.168.1.0/24" data-testid="token-ips" value={draft.ipAllow} onChange={(e) => set({ ipAllow: e.target.value })} />
        </label>
        <label className="field">
          Expires after (empty = never)
          <input type="date" data-testid="token-expires" value={draft.expires} onChange={(e) => set({ expires: e.target.value })} />
        </label>
        <label className="field">
          Rate limit (requests per minute)
          <input type="number" min={1} data-testid="token-rate" value={draft.rateLimit} onChange={(e) => set({ rateLimit: e.target.value })} />
        </label>
      </div>
      <div className="row wrap">
        <label className="check" title="Requests must carry X-Timestamp and X-Signature (HMAC-SHA256 with a secret shown once)">
          <input type="checkbox" data-testid="token-hmac" checked={draft.hmac} onChange={(e) => set({ hmac: e.target.checked })} />
          Require HMAC-signed requests
        </label>
        <label className="check" title="Names, emails, phones, addresses… in this token's answers are replaced by stable fake values">
          <input type="checkbox" data-testid="token-sandbox" checked={draft.sandbox} onChange={(e) => set({ sandbox: e.target.checked })} />
          Sandbox: randomise PII in this token&apos;s answers
        </label>
      </div>
      <ProblemAlert problem={problem} onDismiss={() => setProblem(null)} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="token-create-submit">
          Create token
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          Cancel
        </button>
        {busy && <Spinner label="Creating…" />}
      </div>
    </form>
  );
}
