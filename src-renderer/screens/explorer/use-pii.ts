/** The PII toggle: read from GET /explorer/pii, remembered with PUT /explorer/pii (on by default). */
import { useCallback, useEffect, useState } from 'react';
import type { ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';

export interface PiiSetting {
  readonly enabled: boolean;
  readonly loaded: boolean;
  readonly problem: ProblemBody | null;
  set(enabled: boolean): void;
}

function toProblem(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

export function usePii(): PiiSetting {
  // On until the server says otherwise: a screen shared before the answer arrives shows no real names.
  const [enabled, setEnabled] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  useEffect(() => {
    admin<{ enabled: boolean }>('/explorer/pii')
      .then((answer) => setEnabled(answer.enabled))
      .catch((error: unknown) => setProblem(toProblem(error)))
      .finally(() => setLoaded(true));
  }, []);
  const set = useCallback((next: boolean) => {
    setEnabled(next);
    admin<{ enabled: boolean }>('/explorer/pii', { method: 'PUT', json: { enabled: next } })
      .then((answer) => {
        setEnabled(answer?.enabled ?? next);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(toProblem(error)));
  }, []);
  return { enabled, loaded, problem, set };
}
