/**
 * Sending the request through POST /explorer/send: progress while waiting (with the elapsed time),
 * cancellable (the fetch is aborted), the last response or the problem that refused it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExplorerRequest, ExplorerResponse, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';

export interface Sender {
  readonly sending: boolean;
  readonly elapsedMs: number;
  readonly response: ExplorerResponse | null;
  /** The request that produced `response` (samples and saving use it). */
  readonly sent: ExplorerRequest | null;
  readonly problem: ProblemBody | null;
  send(request: ExplorerRequest): Promise<void>;
  cancel(): void;
}

export function useSend(onSent: () => void): Sender {
  const [sending, setSending] = useState(false);
  const [elapsedMs, setElapsed] = useState(0);
  const [response, setResponse] = useState<ExplorerResponse | null>(null);
  const [sent, setSent] = useState<ExplorerRequest | null>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!sending) return;
    const started = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - started), 100);
    return () => clearInterval(timer);
  }, [sending]);
  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(
    async (request: ExplorerRequest) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setSending(true);
      setElapsed(0);
      setProblem(null);
      try {
        const answer = await admin<ExplorerResponse>('/explorer/send', { method: 'POST', json: request, signal: abort.signal });
        if (abort.signal.aborted) return;
        setResponse(answer);
        setSent(request);
        onSent();
      } catch (error) {
        if (abort.signal.aborted) return;
        setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
      } finally {
        if (controller.current === abort) {
          controller.current = null;
          setSending(false);
        }
      }
    },
    [onSent],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setSending(false);
    setProblem({ type: 'about:blank', title: 'Request cancelled', status: 0, code: 'CANCELLED', detail: 'The Studio stopped waiting for the answer.', hint: 'Send it again with Ctrl+Enter.' });
  }, []);

  return { sending, elapsedMs, response, sent, problem, send, cancel };
}
