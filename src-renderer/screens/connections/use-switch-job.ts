/**
 * Starts a switch of the served database (`POST /connections/:id/activate`, 202 + job) and polls the
 * job until it is done or failed. When it is done, every screen is told that the API's shape changed
 * (`catalogChanged()`: the top bar reloads /server, other screens reload what they show).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { catalogChanged } from '../../state/studio-store.ts';

const POLL_MS = 150;

export interface SwitchState {
  /** The connection being switched to (or last switched to). */
  readonly target: { readonly id: string; readonly name: string } | null;
  readonly job: Job | null;
  /** A refusal of the activation itself (unknown connection…); a failed job carries its own problem. */
  readonly problem: ProblemBody | null;
  readonly running: boolean;
  start(id: string, name: string): void;
  dismiss(): void;
}

function asProblem(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

export function useSwitchJob(onFinished: () => void): SwitchState {
  const [target, setTarget] = useState<SwitchState['target']>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (job === null || job.state !== 'running') return;
    const timer = setTimeout(() => {
      admin<Job>(`/jobs/${encodeURIComponent(job.id)}`)
        .then((next) => {
          setJob(next);
          if (next.state === 'done') catalogChanged();
          if (next.state !== 'running') finished.current();
        })
        .catch((error: unknown) => setProblem(asProblem(error)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const start = useCallback((id: string, name: string) => {
    setTarget({ id, name });
    setProblem(null);
    setJob(null);
    admin<Job>(`/connections/${encodeURIComponent(id)}/activate`, { method: 'POST' })
      .then(setJob)
      .catch((error: unknown) => setProblem(asProblem(error)));
  }, []);

  const dismiss = useCallback(() => {
    setTarget(null);
    setJob(null);
    setProblem(null);
  }, []);

  const running = target !== null && problem === null && (job === null || job.state === 'running');
  return { target, job, problem, running, start, dismiss };
}
