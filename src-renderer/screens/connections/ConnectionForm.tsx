/**
 * Add or edit a MySQL/MariaDB connection. Enter saves, Esc cancels; "Test" connects for real with
 * what is typed (for a stored connection, the stored password unless a new one is typed).
 */
import { useState } from 'react';
import type { ConnectionInfo, ConnectionTest, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { defaultName, draftFrom, EMPTY_DRAFT, toInput, toPatch, type ConnectionDraft } from './connection-draft.ts';
import { TestResult } from './TestResult.tsx';

function asProblem(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

interface Props {
  /** The connection being edited; absent = a new one. */
  readonly editing?: ConnectionInfo | undefined;
  onSaved(saved: ConnectionInfo): void;
  onCancel(): void;
}

export function ConnectionForm({ editing, onSaved, onCancel }: Props): React.JSX.Element {
  const [draft, setDraft] = useState<ConnectionDraft>(editing === undefined ? EMPTY_DRAFT : draftFrom(editing));
  const [test, setTest] = useState<{ result: ConnectionTest | null; problem: ProblemBody | null }>({ result: null, problem: null });
  const [testing, setTesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const set = (patch: Partial<ConnectionDraft>): void => setDraft((d) => ({ ...d, ...patch }));

  const runTest = async (): Promise<void> => {
    setTesting(true);
    setTest({ result: null, problem: null });
    try {
      const body = editing === undefined ? toInput(draft) : { id: editing.id, ...toPatch(draft) };
      setTest({ result: await admin<ConnectionTest>('/connections/test', { method: 'POST', json: body }), problem: null });
    } catch (error) {
      setTest({ result: null, problem: asProblem(error) });
    } finally {
      setTesting(false);
    }
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    setProblem(null);
    try {
      const saved =
        editing === undefined
          ? await admin<ConnectionInfo>('/connections', { method: 'POST', json: toInput(draft) })
          : await admin<ConnectionInfo>(`/connections/${encodeURIComponent(editing.id)}`, { method: 'PATCH', json: toPatch(draft) });
      onSaved(saved);
    } catch (error) {
      setProblem(asProblem(error));
      setSaving(false);
    }
  };

  const field = (key: 'host' | 'port' | 'user' | 'database', label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}): React.JSX.Element => (
    <label className="field">
      {label}
      <input value={draft[key]} data-testid={`conn-field-${key}`} onChange={(e) => set({ [key]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <form
      className="card stack conn-form"
      data-testid="conn-form"
      aria-label={editing === undefined ? 'New connection' : `Edit ${editing.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="row">
        <h2 className="grow">{editing === undefined ? 'New MySQL / MariaDB connection' : `Edit “${editing.name}”`}</h2>
        <span className="muted small">Enter saves · Esc cancels</span>
      </div>
      <label className="field">
        Name
        <input value={draft.name} placeholder={defaultName(draft) || 'Production CRM'} data-testid="conn-field-name" onChange={(e) => set({ name: e.target.value })} autoFocus />
      </label>
      <div className="conn-grid">
        {field('host', 'Host', { placeholder: 'localhost', required: true, spellCheck: false })}
        {field('port', 'Port', { inputMode: 'numeric', placeholder: '3306', required: true })}
        {field('user', 'User', { required: true, autoComplete: 'username', spellCheck: false })}
        <label className="field">
          Password
          <input
            type="password"
            value={draft.password}
            data-testid="conn-field-password"
            autoComplete="new-password"
            placeholder={editing?.hasPassword === true ? '•••••• (unchanged)' : ''}
            onChange={(e) => set({ password: e.target.value })}
          />
        </label>
        {field('database', 'Database', { required: true, spellCheck: false })}
        <label className="field">
          Table prefix
          <input value={draft.prefix} placeholder="auto-detect" data-testid="conn-field-prefix" spellCheck={false} onChange={(e) => set({ prefix: e.target.value })} />
        </label>
      </div>
      <label className="conn-check">
        <input type="checkbox" checked={draft.tls} data-testid="conn-field-tls" onChange={(e) => set({ tls: e.target.checked })} />
        Use TLS (the server's certificate must be trusted)
      </label>
      <TestResult result={test.result} problem={test.problem} />
      <ProblemAlert problem={problem} onDismiss={() => setProblem(null)} />
      <div className="row">
        <button type="button" data-testid="conn-test" disabled={testing} onClick={() => void runTest()}>
          Test
        </button>
        {testing && <Spinner label="Connecting…" />}
        <span className="grow" />
        <button type="button" className="ghost" data-testid="conn-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" data-testid="conn-save" disabled={saving}>
          {editing === undefined ? 'Save connection' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
