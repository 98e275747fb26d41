/**
 * The audit entries the logs screen shows, newest first: the first page for the filters, older
 * pages on demand (`before`), and while the live tail is on, a poll every second for what is newer
 * than the newest entry shown (`after`), paused while the tab is hidden. Responses for filters the
 * user has since changed are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry, ProblemBody } from '../../../src-shared/admin-api.ts';
import { adminRequest, ApiProblem } from '../../api/admin-client.ts';

const PAGE = 100;
const TAIL_EVERY_MS = 1000;
/** The list keeps at most this many entries while tailing; older ones come back with "load older". */
const KEEP = 2000;

interface Page {
  readonly data: AuditEntry[];
  readonly links: { readonly next: string | null };
}

async function fetchPage(path: string): Promise<Page> {
  const response = await adminRequest(path);
  return (await response.json()) as Page;
}

function problemOf(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

function useTabVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = (): void => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

export interface AuditLog {
  readonly entries: readonly AuditEntry[];
  /** Ids that arrived through the tail (highlighted briefly). */
  readonly fresh: ReadonlySet<number>;
  readonly problem: ProblemBody | null;
  readonly loading: boolean;
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  loadOlder(): void;
  reload(): void;
}

export function useAuditLog(query: string, tail: boolean): AuditLog {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [loading, setLoading] = useState(true);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const newest = useRef(0);
  const visible = useTabVisible();
  const base = `/logs?${query}${query === '' ? '' : '&'}`;

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    fetchPage(`${base}limit=${PAGE}`)
      .then((page) => {
        if (mine !== generation.current) return;
        setEntries(page.data);
        setFresh(new Set());
        setHasOlder(page.links.next !== null);
        newest.current = page.data[0]?.id ?? 0;
        setProblem(null);
      })
      .catch((error: unknown) => mine === generation.current && setProblem(problemOf(error)))
      .finally(() => mine === generation.current && setLoading(false));
  }, [base, tick]);

  useEffect(() => {
    if (!tail || !visible || loading) return;
    const mine = generation.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async (): Promise<void> => {
      try {
        const page = await fetchPage(`${base}after=${newest.current}&limit=${PAGE * 2}`);
        if (stopped || mine !== generation.current) return;
        if (page.data.length > 0) {
          newest.current = page.data.at(-1)!.id;
          const added = [...page.data].reverse();
          setEntries((list) => {
            const next = [...added, ...list];
            if (next.length > KEEP) setHasOlder(true);
            return next.slice(0, KEEP);
          });
          setFresh(new Set(added.map((e) => e.id)));
        }
        setProblem(null);
      } catch (error) {
        if (!stopped) setProblem(problemOf(error));
      }
      // Chained, not an interval: a slow answer never overlaps the next poll.
      if (!stopped) timer = setTimeout(() => void poll(), TAIL_EVERY_MS);
    };
    timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tail, visible, loading, base]);

  const loadOlder = useCallback(() => {
    const oldest = entries.at(-1);
    if (oldest === undefined) return;
    const mine = generation.current;
    setLoadingOlder(true);
    fetchPage(`${base}limit=${PAGE}&before=${oldest.id}`)
      .then((page) => {
        if (mine !== generation.current) return;
        setEntries((list) => [...list, ...page.data.filter((e) => e.id < (list.at(-1)?.id ?? Infinity))]);
        setHasOlder(page.links.next !== null);
      })
      .catch((error: unknown) => mine === generation.current && setProblem(problemOf(error)))
      .finally(() => setLoadingOlder(false));
  }, [entries, base]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { entries, fresh, problem, loading, hasOlder, loadingOlder, loadOlder, reload };
}
