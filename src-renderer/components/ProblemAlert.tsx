/** A refused call shown the way the API states it: title, detail, the hint, and the field errors. */
import type { ProblemBody } from '../../src-shared/admin-api.ts';

export function ProblemAlert({ problem, onDismiss }: { problem: ProblemBody | null; onDismiss?: () => void }): React.JSX.Element | null {
  if (problem === null) return null;
  return (
    <div className="problem" role="alert" data-testid="problem">
      <div className="problem-title">
        <strong>{problem.title}</strong>
        {problem.code !== '' && <code className="muted">{problem.code}</code>}
        {onDismiss !== undefined && (
          <button type="button" className="ghost small" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        )}
      </div>
      {problem.detail !== undefined && <div data-testid="problem-detail">{problem.detail}</div>}
      {problem.hint !== undefined && <div className="problem-hint">{problem.hint}</div>}
      {problem.errors !== undefined && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
