/** Who the request runs as: the Studio (everything the whitelist allows) or a pasted API token. */
import { useState } from 'react';
import { useStudio } from '../../state/studio-store.ts';
import type { Draft } from './explorer-draft.ts';

export function AuthPanel({ draft, onChange }: { draft: Draft; onChange: (patch: Partial<Draft>) => void }): React.JSX.Element {
  const demoToken = useStudio((s) => s.server?.demoToken ?? null);
  const [shown, setShown] = useState(false);
  return (
    <div className="stack auth-panel">
      <label className="field">
        Authentication
        <select value={draft.auth} data-testid="explorer-auth" onChange={(e) => onChange({ auth: e.target.value as Draft['auth'] })}>
          <option value="studio">Studio (all whitelisted)</option>
          <option value="token">API token</option>
        </select>
      </label>
      {draft.auth === 'studio' ? (
        <p className="muted small">Runs with every right the whitelist gives. Choose “API token” to see exactly what a teammate’s token may do.</p>
      ) : (
        <>
          <div className="row">
            <input
              className="grow mono"
              type={shown ? 'text' : 'password'}
              placeholder="pas_…"
              aria-label="API token"
              data-testid="explorer-token"
              autoComplete="off"
              value={draft.token}
              onChange={(e) => onChange({ token: e.target.value })}
            />
            <button type="button" className="small" onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
            {demoToken !== null && (
              <button type="button" className="small" onClick={() => onChange({ token: demoToken })}>
                Use the demo token
              </button>
            )}
          </div>
          <p className="muted small">Sent as <code>Authorization: Bearer …</code>. The token is not kept in history. Create one in the Tokens screen.</p>
        </>
      )}
    </div>
  );
}
