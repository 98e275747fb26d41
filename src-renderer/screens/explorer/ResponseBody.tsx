/**
 * The response body pretty-printed in a read-only Monaco. A refusal (problem+json, or a GraphQL
 * error carrying the problem under `extensions`) is shown first with its title, detail and hint.
 * The pretty text is also kept in a hidden <pre> (`response-body-text`) for tests and screen readers.
 */
import { useMemo } from 'react';
import type { ExplorerResponse, ProblemBody } from '../../../src-shared/admin-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LazyCodeEditor } from '../../monaco/LazyCodeEditor.tsx';

function headerValue(response: ExplorerResponse, name: string): string {
  const entry = Object.entries(response.headers).find(([k]) => k.toLowerCase() === name);
  return entry?.[1] ?? '';
}

function asProblem(value: unknown, status: number): ProblemBody | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Partial<ProblemBody>;
  return typeof v.title === 'string' ? ({ type: 'about:blank', code: '', status, ...v } as ProblemBody) : null;
}

/** Pretty JSON (or the text as sent) and the problem it states, if any. */
export function readBody(response: ExplorerResponse): { pretty: string; json: boolean; problem: ProblemBody | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return { pretty: response.body, json: false, problem: null };
  }
  const pretty = JSON.stringify(parsed, null, 2);
  if (response.status >= 400 || headerValue(response, 'content-type').includes('problem+json')) return { pretty, json: true, problem: asProblem(parsed, response.status) };
  const errors = (parsed as { errors?: { message?: string; extensions?: unknown }[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0]!;
    const problem = asProblem(first.extensions, response.status) ?? { type: 'about:blank', title: first.message ?? 'GraphQL error', status: response.status, code: 'GRAPHQL' };
    return { pretty, json: true, problem: errors.length > 1 ? { ...problem, detail: `${problem.detail ?? first.message ?? ''} (and ${errors.length - 1} more errors)` } : problem };
  }
  return { pretty, json: true, problem: null };
}

export function ResponseBody({ response }: { response: ExplorerResponse }): React.JSX.Element {
  const { pretty, json, problem } = useMemo(() => readBody(response), [response]);
  return (
    <div className="response-body">
      <ProblemAlert problem={problem} />
      {pretty === '' ? (
        <p className="muted">The response has no body ({response.status} {response.statusText}).</p>
      ) : (
        <LazyCodeEditor testId="response-body" className="grow" language={json ? 'json' : 'plaintext'} path="/explorer/response.json" ariaLabel="Response body" value={pretty} readOnly />
      )}
      <pre hidden data-testid="response-body-text">
        {pretty}
      </pre>
    </div>
  );
}
