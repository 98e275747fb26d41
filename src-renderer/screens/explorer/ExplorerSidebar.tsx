/** The explorer's left pane: Endpoints, History and Saved tabs. */
import { useState } from 'react';
import type { EndpointInfo, ExplorerEndpoints, ProblemBody, SavedRequest } from '../../../src-shared/admin-api.ts';
import type { AdminQuery } from '../../api/use-admin.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { EndpointList } from './EndpointList.tsx';
import { RequestList } from './RequestList.tsx';

type Tab = 'endpoints' | 'history' | 'saved';

export interface ExplorerSidebarProps {
  readonly endpoints: AdminQuery<ExplorerEndpoints>;
  readonly history: AdminQuery<readonly SavedRequest[]>;
  readonly saved: AdminQuery<readonly SavedRequest[]>;
  readonly current: { readonly mode: 'rest' | 'graphql'; readonly method: string; readonly path: string };
  readonly onPick: (endpoint: EndpointInfo) => void;
  readonly onGraphql: () => void;
  readonly onLoad: (item: SavedRequest) => void;
  readonly onDeleteHistory: () => void;
  readonly onDeleteSaved: (item: SavedRequest) => void;
  readonly problem: ProblemBody | null;
}

function Listing({ query, children }: { query: AdminQuery<unknown>; children: () => React.ReactNode }): React.JSX.Element {
  if (query.problem !== null) return <ProblemAlert problem={query.problem} />;
  if (query.data === undefined) return <Spinner label="Loading…" />;
  return <>{children()}</>;
}

export function ExplorerSidebar(props: ExplorerSidebarProps): React.JSX.Element {
  const [tab, setTab] = useState<Tab>('endpoints');
  const count = (q: AdminQuery<readonly SavedRequest[]>): string => (q.data === undefined ? '' : ` ${q.data.length}`);
  return (
    <aside className="explorer-sidebar" aria-label="Endpoints, history and saved requests">
      <div className="tabs" role="tablist">
        {(['endpoints', 'history', 'saved'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} data-testid={`sidebar-tab-${t}`} onClick={() => setTab(t)}>
            {t === 'endpoints' ? 'Endpoints' : t === 'history' ? `History${count(props.history)}` : `Saved${count(props.saved)}`}
          </button>
        ))}
      </div>
      <div className="sidebar-body">
        <ProblemAlert problem={props.problem} />
        {tab === 'endpoints' && (
          <Listing query={props.endpoints}>
            {() => <EndpointList endpoints={props.endpoints.data!} current={props.current} onPick={props.onPick} onGraphql={props.onGraphql} />}
          </Listing>
        )}
        {tab === 'history' && (
          <Listing query={props.history}>
            {() => <RequestList kind="history" items={props.history.data!} onLoad={props.onLoad} onDelete={() => props.onDeleteHistory()} />}
          </Listing>
        )}
        {tab === 'saved' && (
          <Listing query={props.saved}>
            {() => <RequestList kind="saved" items={props.saved.data!} onLoad={props.onLoad} onDelete={(item) => item !== null && props.onDeleteSaved(item)} />}
          </Listing>
        )}
      </div>
    </aside>
  );
}
