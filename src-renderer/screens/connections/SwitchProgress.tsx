/** A switch of the served database as it happens: each step with what it found, a progress bar, then the outcome. */
import type { JobStep } from '../../../src-shared/admin-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { SwitchState } from './use-switch-job.ts';

const ICONS: Record<Exclude<JobStep['state'], 'running'>, string> = { pending: '○', done: '✓', failed: '✗' };

export function SwitchProgress({ state }: { state: SwitchState }): React.JSX.Element | null {
  const { target, job, problem } = state;
  if (target === null) return null;
  const progress = job?.progress ?? 0;
  const done = job?.state === 'done';
  const failed = job?.state === 'failed' || problem !== null;
  return (
    <section className="card stack conn-switch" data-testid="switch-progress" aria-live="polite" aria-busy={state.running}>
      <div className="row">
        <strong className="grow">
          {done ? `Now serving “${target.name}”` : failed ? `Could not switch to “${target.name}”` : `Switching to “${target.name}”…`}
        </strong>
        {state.running ? <Spinner /> : (
          <button type="button" className="ghost small" data-testid="switch-dismiss" onClick={state.dismiss} aria-label="Dismiss">
            ×
          </button>
        )}
      </div>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} data-testid="switch-bar">
        <div className={failed ? 'failed' : undefined} style={{ width: `${Math.max(progress * 100, state.running ? 4 : 0)}%` }} />
      </div>
      {job !== null && (
        <ol className="conn-steps">
          {job.steps.map((step) => (
            <li key={step.name} className={`step-${step.state}`} data-testid={`switch-step-${step.name.replace(/\s+/g, '-')}`} data-state={step.state}>
              <span className="step-icon" aria-hidden="true">
                {step.state === 'running' ? <span className="spinner-dot" /> : ICONS[step.state]}
              </span>
              <span className="step-name">{step.name}</span>
              {step.detail !== undefined && <span className="muted step-detail">{step.detail}</span>}
            </li>
          ))}
        </ol>
      )}
      {done && (
        <p className="muted small" data-testid="switch-done">
          The API, GraphQL schema and docs now follow this database; other screens reloaded.
        </p>
      )}
      <ProblemAlert problem={problem ?? job?.error ?? null} />
      {failed && <p className="muted small">The API still serves the previous database.</p>}
    </section>
  );
}
