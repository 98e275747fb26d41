/**
 * The server panel: where the API answers, LAN sharing (switched at run time) with each LAN address
 * and its QR code, and this launch's demo token. Tokens stay required on the LAN; the Studio and the
 * admin API never leave this machine.
 */
import { useState } from 'react';
import type { ProblemBody, ServerInfo } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { updateStudio } from '../../state/studio-store.ts';
import { LanQr } from './LanQr.tsx';

function UrlRow({ label, url, testId }: { label: string; url: string; testId: string }): React.JSX.Element {
  return (
    <div className="url-row">
      <span className="muted">{label}</span>
      <code data-testid={testId}>{url}</code>
      <CopyButton text={url} testId={`${testId}-copy`} />
    </div>
  );
}

export function ServerPanel({ server }: { server: ServerInfo }): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const switchLan = async (enabled: boolean): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      updateStudio({ server: await admin<ServerInfo>('/server/lan', { method: 'PUT', json: { enabled } }) });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card stack" data-testid="server-panel">
      <h2>Server</h2>
      <UrlRow label="Base URL" url={server.baseUrl} testId="server-base-url" />
      <UrlRow label="API URL" url={server.apiUrl} testId="server-api-url" />
      {server.demoToken !== null && (
        <div className="url-row">
          <span className="muted">Demo token</span>
          <code data-testid="server-demo-token">{server.demoToken}</code>
          <CopyButton text={server.demoToken} testId="server-demo-token-copy" />
        </div>
      )}
      {server.demoToken !== null && <p className="muted small">Issued for this launch on the demo database, with every right on the demo data; the next launch revokes it.</p>}
      <h2>Share on the local network</h2>
      <label className={server.lan.enabled ? 'lan-switch on' : 'lan-switch'}>
        <input type="checkbox" role="switch" data-testid="lan-switch" checked={server.lan.enabled} disabled={busy} onChange={(e) => void switchLan(e.target.checked)} />
        {server.lan.enabled ? 'Shared: other devices on this network can call the data API' : 'Off: only this machine can call the API'}
        {busy && <Spinner />}
      </label>
      <p className="lan-warning small" role="note">
        Sharing opens <code>/api/v1</code> on this machine&apos;s network addresses. Every call still needs a token (create one in Tokens, with only the rights it needs); the
        Studio and its admin API stay on this machine.
      </p>
      <ProblemAlert problem={problem} onDismiss={() => setProblem(null)} />
      {server.lan.enabled && server.lan.urls.length === 0 && <p className="muted">No network address found: connect this machine to a network.</p>}
      {server.lan.enabled && (
        <div className="lan-urls" data-testid="lan-urls">
          {server.lan.urls.map((url) => (
            <div key={url} className="lan-url card">
              <LanQr url={`${url}/api/v1`} />
              <div className="stack">
                <code data-testid="lan-url">{url}</code>
                <span className="muted small">API: {url}/api/v1</span>
                <CopyButton text={`${url}/api/v1`} label="Copy API URL" />
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
