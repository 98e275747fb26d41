/**
 * The whitelist's top level: what tables without their own entry do (core / all / none), the
 * save status, and the whitelist file (export to share or version it, import to apply one).
 */
import { useRef } from 'react';
import type { ProblemBody, WhitelistOverview } from '../../../src-shared/admin-api.ts';
import { adminRequest, ApiProblem } from '../../api/admin-client.ts';
import { saveFile } from '../../api/save-file.ts';
import { Spinner } from '../../components/Spinner.tsx';
import type { SaveStatus } from './use-whitelist.ts';

interface Props {
  readonly overview: WhitelistOverview | undefined;
  readonly status: SaveStatus;
  readonly onMode: (expose: WhitelistOverview['expose']) => void;
  readonly onImport: (json: unknown) => void;
  readonly onProblem: (problem: ProblemBody) => void;
}

const MODES: readonly { readonly value: WhitelistOverview['expose']; readonly label: string }[] = [
  { value: 'core', label: 'Perfex core tables' },
  { value: 'all', label: 'All tables' },
  { value: 'none', label: 'No table' },
];

async function download(onProblem: Props['onProblem']): Promise<void> {
  try {
    const response = await adminRequest('/whitelist/export');
    await saveFile('whitelist.json', await response.blob(), 'Export whitelist');
  } catch (error) {
    if (error instanceof ApiProblem) onProblem(error.problem);
  }
}

/** The desktop app's native open dialog where there is one, the hidden file input otherwise. */
async function importFile(input: HTMLInputElement | null, onImport: Props['onImport'], onProblem: Props['onProblem']): Promise<void> {
  const desktop = window.studioDesktop;
  if (desktop === undefined) {
    input?.click();
    return;
  }
  const opened = await desktop.openTextFile({ title: 'Import whitelist', filters: [{ name: 'Whitelist JSON', extensions: ['json'] }] });
  if (opened === null) return;
  try {
    onImport(JSON.parse(opened.text));
  } catch (error) {
    onProblem({ type: 'about:blank', title: 'Not a whitelist file', status: 0, code: 'CLIENT', detail: `${opened.name} is not valid JSON: ${(error as Error).message}`, hint: 'Choose a file exported from this screen or written by hand as JSON.' });
  }
}

function StatusLine({ status }: { status: SaveStatus }): React.JSX.Element | null {
  switch (status.state) {
    case 'idle':
      return <span className="muted small">Changes save as you make them and apply to the running API at once.</span>;
    case 'saving':
      return <Spinner label={`Saving ${status.what}…`} />;
    case 'saved':
      return (
        <span className="wl-saved small" title={status.what}>
          ✓ Saved · applied to the API <span className="muted">({status.what})</span>
        </span>
      );
    case 'failed':
      return <span className="wl-invalid small">Not saved: {status.what}</span>;
  }
}

export function WhitelistToolbar({ overview, status, onMode, onImport, onProblem }: Props): React.JSX.Element {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="wl-toolbar">
      <label className="row small muted">
        Tables without an entry:
        <select
          data-testid="wl-mode"
          value={overview?.expose ?? 'core'}
          disabled={overview === undefined}
          onChange={(e) => onMode(e.target.value as WhitelistOverview['expose'])}
        >
          {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </label>
      <span className="grow wl-status" data-testid="wl-status" aria-live="polite">
        <StatusLine status={status} />
      </span>
      <button type="button" className="small" data-testid="wl-export" onClick={() => void download(onProblem)}>Export file</button>
      <button type="button" className="small" data-testid="wl-import" onClick={() => void importFile(file.current, onImport, onProblem)}>Import file…</button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="wl-import-file"
        onChange={async (e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          if (chosen === undefined) return;
          try {
            onImport(JSON.parse(await chosen.text()));
          } catch (error) {
            onProblem({ type: 'about:blank', title: 'Not a whitelist file', status: 0, code: 'CLIENT', detail: `${chosen.name} is not valid JSON: ${(error as Error).message}`, hint: 'Choose a file exported from this screen or written by hand as JSON.' });
          }
        }}
      />
    </div>
  );
}
