/**
 * The API explorer (Postman/GraphiQL-like): endpoints, history and saved requests on the left; the
 * request builder (REST with completed parameters, or GraphQL in Monaco) and the response with its
 * SQL, timings and code samples on the right; the PII switch in the toolbar. Everything goes through
 * /admin/api/explorer (src-shared/admin-api.ts), which sends the request through the real data API.
 */
import { useCallback, useMemo, useState } from 'react';
import type { EndpointInfo, ExplorerEndpoints, ProblemBody, SavedRequest } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { useAdmin } from '../../api/use-admin.ts';
import { useStudio } from '../../state/studio-store.ts';
import { bodyTemplate } from './body-template.ts';
import { startingPath } from './EndpointList.tsx';
import { ExplorerSidebar } from './ExplorerSidebar.tsx';
import { fromSaved, GRAPHQL_PATH, hasBody, parseVariables, toRequest } from './explorer-draft.ts';
import { PiiToggle } from './PiiToggle.tsx';
import { resourceOfPath } from './query-params.ts';
import { RequestBar } from './RequestBar.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { ResponsePanel } from './ResponsePanel.tsx';
import { useDraft } from './use-draft.ts';
import { useExplorerKeys } from './use-explorer-keys.ts';
import { usePii } from './use-pii.ts';
import { useSend } from './use-send.ts';
import './explorer.css';

function toProblem(error: unknown): ProblemBody {
  return error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' };
}

export function ExplorerScreen(): React.JSX.Element {
  const catalogVersion = useStudio((s) => s.catalogVersion);
  const endpoints = useAdmin<ExplorerEndpoints>('/explorer/endpoints', [catalogVersion]);
  const history = useAdmin<readonly SavedRequest[]>('/explorer/history?limit=100');
  const saved = useAdmin<readonly SavedRequest[]>('/explorer/saved');
  const pii = usePii();
  const [draft, change] = useDraft();
  const [listProblem, setListProblem] = useState<ProblemBody | null>(null);
  const [localProblem, setLocalProblem] = useState<ProblemBody | null>(null);
  const graphqlPath = endpoints.data?.graphql.path ?? GRAPHQL_PATH;
  const request = useMemo(() => toRequest(draft, pii.enabled, graphqlPath), [draft, pii.enabled, graphqlPath]);
  const sender = useSend(history.reload);

  const resourceName = draft.mode === 'rest' ? resourceOfPath(draft.path) : null;
  const ctx = useMemo(() => {
    if (endpoints.data === undefined) return null;
    return { endpoints: endpoints.data, resource: endpoints.data.resources.find((r) => r.resource === resourceName) ?? null };
  }, [endpoints.data, resourceName]);

  const send = useCallback(() => {
    const variables = draft.mode === 'graphql' ? parseVariables(draft.variables) : null;
    if (variables !== null && 'error' in variables) {
      setLocalProblem({ type: 'about:blank', title: 'The variables are not valid', status: 0, code: 'VARIABLES', detail: variables.error, hint: 'Fix them in the Variables editor, or empty it.' });
      return;
    }
    if (draft.auth === 'token' && draft.token.trim() === '') {
      setLocalProblem({ type: 'about:blank', title: 'No API token', status: 0, code: 'TOKEN', detail: 'Auth is set to “API token” but the token is empty.', hint: 'Paste a token in the Auth tab, or choose “Studio”.' });
      return;
    }
    setLocalProblem(null);
    void sender.send(request);
  }, [draft, request, sender]);

  const [saveRequests, setSaveRequests] = useState(0);
  useExplorerKeys({ send, cancel: sender.cancel, save: () => setSaveRequests((n) => n + 1), sending: sender.sending });

  const pick = (endpoint: EndpointInfo): void => {
    const resource = endpoints.data?.resources.find((r) => r.endpoints.includes(endpoint)) ?? null;
    change({ mode: 'rest', method: endpoint.method, path: startingPath(endpoint), ...(hasBody(endpoint.method) ? { body: bodyTemplate(resource) } : {}) });
  };
  const listCall = (call: Promise<unknown>, reload: () => void): void => {
    call.then(() => {
      setListProblem(null);
      reload();
    }, (error: unknown) => setListProblem(toProblem(error)));
  };
  const save = (name: string): void => {
    const { auth, ...rest } = request;
    listCall(admin('/explorer/saved', { method: 'POST', json: { name, request: { ...rest, auth: { kind: auth.kind } } } }), saved.reload);
  };

  return (
    <section className="screen explorer" data-testid="screen-explorer">
      <ExplorerSidebar
        endpoints={endpoints}
        history={history}
        saved={saved}
        current={draft}
        problem={listProblem}
        onPick={pick}
        onGraphql={() => change({ mode: 'graphql' })}
        onLoad={(item) => change(fromSaved(item, draft, graphqlPath))}
        onDeleteHistory={() => listCall(admin('/explorer/history', { method: 'DELETE' }), history.reload)}
        onDeleteSaved={(item) => listCall(admin(`/explorer/saved/${encodeURIComponent(item.id)}`, { method: 'DELETE' }), saved.reload)}
      />
      <div className="explorer-main">
        <div className="explorer-toolbar">
          <h1>{draft.mode === 'graphql' ? 'GraphQL' : resourceName ?? 'Explorer'}</h1>
          {ctx?.resource != null && (
            <span className="muted small">
              table <code>{ctx.resource.table}</code> · {ctx.resource.fields.length} fields · {ctx.resource.relations.length} relations
            </span>
          )}
          <span className="grow" />
          <span className="muted small keys">Ctrl+Enter send · Ctrl+S save · / filter</span>
          <PiiToggle pii={pii} />
        </div>
        <RequestBar
          draft={draft}
          graphqlPath={graphqlPath}
          onChange={change}
          ctx={ctx}
          sending={sender.sending}
          elapsedMs={sender.elapsedMs}
          onSend={send}
          onCancel={sender.cancel}
          onSave={save}
          saveRequests={saveRequests}
        />
        <RequestPanel draft={draft} onChange={change} ctx={ctx} onSend={send} catalogVersion={catalogVersion} />
        <ResponsePanel response={sender.response} problem={localProblem ?? sender.problem} sending={sender.sending} request={request} />
      </div>
    </section>
  );
}
