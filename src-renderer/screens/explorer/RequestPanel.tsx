/**
 * The request's details under the URL bar: Params, Headers, Auth and Body (REST) or Query (GraphQL).
 * Editors stay mounted while their tab is hidden, so their undo history survives tab switches.
 */
import { lazy, Suspense, useState } from 'react';
import { Spinner } from '../../components/Spinner.tsx';
import { LazyCodeEditor } from '../../monaco/LazyCodeEditor.tsx';
import { AuthPanel } from './AuthPanel.tsx';
import { hasBody, type Draft } from './explorer-draft.ts';
import { HeadersTable } from './HeadersTable.tsx';
import type { SuggestContext } from './param-suggestions.ts';
import { ParamsTable } from './ParamsTable.tsx';
import { splitPath } from './query-params.ts';

const GraphqlEditor = lazy(() => import('./GraphqlEditor.tsx'));

type Tab = 'params' | 'headers' | 'auth' | 'body' | 'query';

export interface RequestPanelProps {
  readonly draft: Draft;
  readonly onChange: (patch: Partial<Draft>) => void;
  readonly ctx: SuggestContext | null;
  readonly onSend: () => void;
  readonly catalogVersion: number;
}

export function RequestPanel({ draft, onChange, ctx, onSend, catalogVersion }: RequestPanelProps): React.JSX.Element {
  const [restTab, setRestTab] = useState<Tab>('params');
  const [graphqlTab, setGraphqlTab] = useState<Tab>('query');
  const graphql = draft.mode === 'graphql';
  const tab = graphql ? graphqlTab : restTab;
  const setTab = graphql ? setGraphqlTab : setRestTab;
  const paramCount = splitPath(draft.path).params.length;
  const tabs: readonly [Tab, string][] = graphql
    ? [['query', 'Query'], ['headers', `Headers${draft.headers.length > 0 ? ` ${draft.headers.length}` : ''}`], ['auth', 'Auth']]
    : [
        ['params', `Params${paramCount > 0 ? ` ${paramCount}` : ''}`],
        ['headers', `Headers${draft.headers.length > 0 ? ` ${draft.headers.length}` : ''}`],
        ['auth', draft.auth === 'token' ? 'Auth · token' : 'Auth'],
        ['body', hasBody(draft.method) ? 'Body' : 'Body ·'],
      ];
  return (
    <section className="request-panel" aria-label="Request">
      <div className="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} data-testid={`request-tab-${id}`} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="request-body">
        {tab === 'params' && <ParamsTable path={draft.path} onPath={(path) => onChange({ path })} ctx={ctx} onSend={onSend} />}
        {tab === 'headers' && <HeadersTable headers={draft.headers} onChange={(headers) => onChange({ headers })} />}
        {tab === 'auth' && <AuthPanel draft={draft} onChange={onChange} />}
        {!graphql && (
          <div className="editor-tab" hidden={tab !== 'body'}>
            {hasBody(draft.method) ? (
              <LazyCodeEditor testId="request-body" language="json" path="/explorer/body.json" ariaLabel="Request body (JSON)" value={draft.body} onChange={(body) => onChange({ body })} onRun={onSend} />
            ) : (
              <p className="muted">{draft.method} requests have no body. Choose POST, PUT or PATCH to send JSON.</p>
            )}
          </div>
        )}
        {graphql && (
          <div className="editor-tab" hidden={tab !== 'query'}>
            <Suspense fallback={<Spinner label="Loading the GraphQL editor…" />}>
              <GraphqlEditor query={draft.query} variables={draft.variables} onChange={onChange} onRun={onSend} catalogVersion={catalogVersion} />
            </Suspense>
          </div>
        )}
      </div>
    </section>
  );
}
