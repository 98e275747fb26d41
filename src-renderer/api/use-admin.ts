/** Loads `/admin/api{path}` for a component: data, the problem if refused, a loading flag and reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProblemBody } from '../../src-shared/admin-api.ts';
import { admin, ApiProblem } from './admin-client.ts';

export interface AdminQuery<T> {
  readonly data: T | undefined;
  readonly problem: ProblemBody | null;
  readonly loading: boolean;
  reload(): void;
}

/** `path` null = do not load (yet). Re-loads when `path` or any of `deps` changes. */
export function useAdmin<T>(path: string | null, deps: readonly unknown[] = []): AdminQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    if (path === null) return;
    const call = ++latest.current;
    setLoading(true);
    admin<T>(path)
      .then((value) => {
        if (call !== latest.current) return;
        setData(value);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (call !== latest.current) return;
        setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
  }, [path, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, problem, loading, reload };
}
