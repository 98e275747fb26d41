/**
 * "Test this token": sends `GET /api/v1/auth/test` with the token through the explorer's channel
 * (the real HTTP API and its security pipeline), then shows what the API answered: the status, the
 * token's name, scopes and how many resources it reaches, or the refusal as a problem.
 */
import { useState } from 'react';
import type { ExplorerRequest, ExplorerResponse, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';

interface AuthTest {
  readonly token: { readonly id: string; readonly name: string } | null;
  readonly scopes: readonly string[];
  readonly resources: { readonly readable: number; readonly writable: number; readonly exposed: number };
}

type Outcome = { kind: 'ok'; status: number; durationMs: number; result: AuthTest } | { kind: 'refused'; status: number; problem: ProblemBody };

function parseAnswer(response: ExplorerResponse): Outcome {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (response.status === 200 && typeof body === 'object' && body !== null && 'data' in body) {
    return { kind: 'ok', status: response.status, durationMs: response.durationMs, result: (body as { data: AuthTest }).data };
  }
  const problem = (body ?? {}) as Partial<ProblemBody>;
  return {
    kind: 'refused',
    status: response.status,
    problem: { type: 'about:blank', code: `HTTP${response.status}`, status: response.status, ...problem, title: problem.title ?? `The API answered ${response.status} ${response.statusText}` },
  };
}

export function TokenTester({ initialToken = '' }: { initialToken?: string }): React.JSX.Element {
  const [token, setToken] = useState(initialToken);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (secret: string): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    const request: ExplorerRequest = { method: 'GET', path: '/api/v1/auth/test', auth: { kind: 'token', token: secret.trim() }, pii: false };
    try {
      setOutcome(parseAnswer(await admin<ExplorerResponse>('/explorer/send', { method: 'POST', json: request })));
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack token-tester" data-testid="token-tester">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(token);
        }}
      >
        <input className="grow mono" type="password" autoComplete="off" placeholder="pas_… (paste a token)" aria-label="Token to test" data-testid="token-test-input" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="submit" disabled={busy || token.trim() === ''} data-testid="token-test-run">
          Run GET /api/v1/auth/test
        </button>
      </form>
      {busy && <Spinner label="Calling the API with this token…" />}
      <ProblemAlert problem={problem} onDismiss={() => setProblem(null)} />
      {outcome?.kind === 'refused' && (
        <div className="stack" data-testid="token-test-result">
          <span className="pill danger">{outcome.status} refused</span>
          <ProblemAlert problem={outcome.problem} />
        </div>
      )}
      {outcome?.kind === 'ok' && (
        <div className="token-test-ok" data-testid="token-test-result">
          <span className="pill ok">{outcome.status} OK</span>
          <span>
            Token <strong data-testid="token-test-name">{outcome.result.token?.name ?? '(none)'}</strong>
          </span>
          <span>scopes {outcome.result.scopes.join(', ') || 'none'}</span>
          <span data-testid="token-test-reach">
            reads {outcome.result.resources.readable} / writes {outcome.result.resources.writable} of {outcome.result.resources.exposed} resources
          </span>
          <span className="muted">{Math.round(outcome.durationMs)} ms</span>
        </div>
      )}
    </div>
  );
}
