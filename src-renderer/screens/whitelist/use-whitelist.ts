/**
 * The whitelist screen's state in one place: the table list, the selected table's detail, and the
 * saves. A change shows at once (optimistic), is sent in order (each PUT carries the entry with
 * every earlier change), and a refusal puts back the last detail the server confirmed. Every
 * accepted change tells the other screens that the API changed (`catalogChanged`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ProblemBody,
  RelationAddInput,
  WhitelistOverview,
  WhitelistTable,
  WhitelistTableDetail,
} from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { catalogChanged, useStudio } from '../../state/studio-store.ts';
import { describeChange, optimisticDetail, type TableChange } from './settings-edit.ts';

export type SaveStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'saving'; readonly what: string }
  | { readonly state: 'saved'; readonly what: string; readonly warnings: readonly string[] }
  | { readonly state: 'failed'; readonly what: string };

function asProblem(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

const tablePath = (table: string): string => `/whitelist/tables/${encodeURIComponent(table)}`;

function summaryOf(detail: WhitelistTableDetail): WhitelistTable {
  const { columnsDetail: _c, relations: _r, warnings: _w, settings: _s, ...summary } = detail;
  return summary;
}

export function useWhitelist() {
  const catalogVersion = useStudio((s) => s.catalogVersion);
  const [tables, setTables] = useState<WhitelistTable[] | undefined>(undefined);
  const [overview, setOverview] = useState<WhitelistOverview | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<WhitelistTableDetail | undefined>(undefined);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [loadProblem, setLoadProblem] = useState<ProblemBody | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const confirmed = useRef<WhitelistTableDetail | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selected;

  // The list and the top level: on entry and whenever the API's shape changed (here or elsewhere).
  useEffect(() => {
    Promise.all([admin<WhitelistTable[]>('/whitelist/tables'), admin<WhitelistOverview>('/whitelist')])
      .then(([list, top]) => {
        if (pending.current > 0) return; // a save in flight answers with fresher data
        setTables(list);
        setOverview(top);
        setLoadProblem(null);
        setSelected((current) => current ?? list.find((t) => t.exposed)?.table ?? list[0]?.table ?? null);
      })
      .catch((error: unknown) => setLoadProblem(asProblem(error)));
  }, [catalogVersion]);

  useEffect(() => {
    if (selected === null || pending.current > 0) return;
    let live = true;
    admin<WhitelistTableDetail>(tablePath(selected))
      .then((d) => {
        if (!live) return;
        confirmed.current = d;
        setDetail(d);
      })
      .catch((error: unknown) => live && setLoadProblem(asProblem(error)));
    return () => {
      live = false;
    };
  }, [selected, catalogVersion]);

  const showDetail = useCallback((d: WhitelistTableDetail) => {
    setTables((list) => list?.map((t) => (t.table === d.table ? summaryOf(d) : t)));
    if (selectedRef.current === d.table) setDetail(d);
  }, []);

  /** Sends one change after the ones before it; `rollback` restores the screen when it is refused. */
  const send = useCallback(
    (what: string, call: () => Promise<WhitelistTableDetail | WhitelistOverview>, rollback: () => void) => {
      pending.current += 1;
      setStatus({ state: 'saving', what });
      queue.current = queue.current.then(async () => {
        try {
          const answer = await call();
          if ('columnsDetail' in answer) {
            confirmed.current = answer;
            showDetail(answer);
          } else setOverview(answer);
          setProblem(null);
          setStatus({ state: 'saved', what, warnings: answer.warnings });
          if (pending.current === 1) catalogChanged();
        } catch (error) {
          setProblem(asProblem(error));
          setStatus({ state: 'failed', what });
          rollback();
        } finally {
          pending.current -= 1;
        }
      });
    },
    [showDetail],
  );

  const rollbackDetail = useCallback(() => {
    const back = confirmed.current;
    if (back !== undefined) showDetail(back);
  }, [showDetail]);

  const change = useCallback(
    (c: TableChange) => {
      if (detail === undefined) return;
      const next = optimisticDetail(detail, c);
      setDetail(next);
      setTables((list) => list?.map((t) => (t.table === next.table ? summaryOf(next) : t)));
      send(`${detail.table}: ${describeChange(c)}`, () => admin(tablePath(detail.table), { method: 'PUT', json: next.settings ?? {} }), rollbackDetail);
    },
    [detail, send, rollbackDetail],
  );

  /** Exposes or hides any table of the list (the toggle in the list), selected or not. */
  const toggleExposed = useCallback(
    (table: WhitelistTable, exposed: boolean) => {
      if (detail?.table === table.table) return change({ kind: 'expose', exposed });
      setTables((list) => list?.map((t) => (t.table === table.table ? { ...t, exposed, customised: true } : t)));
      const put = async (): Promise<WhitelistTableDetail> => {
        const current = await admin<WhitelistTableDetail>(tablePath(table.table));
        return admin(tablePath(table.table), { method: 'PUT', json: { ...current.settings, expose: exposed } });
      };
      send(`${table.table}: ${exposed ? 'exposed' : 'hidden from the API'}`, put, () =>
        setTables((list) => list?.map((t) => (t.table === table.table ? table : t))),
      );
    },
    [detail, change, send],
  );

  const table = detail?.table ?? '';
  const addRelation = useCallback(
    (input: RelationAddInput) => send(`${input.table}.${input.column}: relation added`, () => admin('/whitelist/relations', { method: 'POST', json: input }), rollbackDetail),
    [send, rollbackDetail],
  );
  const removeRelation = useCallback(
    (name: string) => {
      if (detail !== undefined) setDetail({ ...detail, relations: detail.relations.filter((r) => r.name !== name) });
      send(`${table}: relation ${name} removed`, () => admin('/whitelist/relations', { method: 'DELETE', json: { table, name } }), rollbackDetail);
    },
    [detail, table, send, rollbackDetail],
  );
  const reset = useCallback(
    () => send(`${table}: back to defaults`, () => admin(tablePath(table), { method: 'DELETE' }), rollbackDetail),
    [table, send, rollbackDetail],
  );
  const setMode = useCallback(
    (expose: WhitelistOverview['expose']) =>
      send(`tables without an entry: ${expose}`, () => admin('/whitelist', { method: 'PUT', json: { expose } }), () => undefined),
    [send],
  );
  const importFile = useCallback(
    (json: unknown) => send('whitelist imported', () => admin('/whitelist/import', { method: 'POST', json }), () => undefined),
    [send],
  );

  return {
    tables,
    overview,
    selected,
    select: setSelected,
    detail: detail?.table === selected ? detail : undefined,
    problem,
    loadProblem,
    dismissProblem: () => setProblem(null),
    showProblem: setProblem,
    status,
    change,
    toggleExposed,
    addRelation,
    removeRelation,
    reset,
    setMode,
    importFile,
  };
}

export type WhitelistModel = ReturnType<typeof useWhitelist>;
