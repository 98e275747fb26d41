/**
 * The answer: status, time, size, the "PII randomised" mark, and tabs for the body, headers, SQL,
 * per-stage timings and code samples. Empty and waiting states say what to do next.
 */
import { useState } from 'react';
import type { ExplorerRequest, ExplorerResponse, ProblemBody } from '../../../src-shared/admin-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { CodeTab } from './CodeTab.tsx';
import { ResponseBody } from './ResponseBody.tsx';
import { ResponseHeaders, SqlTab, TimingsTab } from './ResponseDetails.tsx';

type Tab = 'body' | 'headers' | 'sql' | 'timings' | 'code';

export interface ResponsePanelProps {
  readonly response: ExplorerResponse | null;
  readonly problem: ProblemBody | null;
  readonly sending: boolean;
  /** The request in the builder (the Code tab shows it). */
  readonly request: ExplorerRequest;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function statusClass(status: number): string {
  return status < 300 ? 'status-ok' : status < 500 ? 'status-warn' : 'status-bad';
}

export function ResponsePanel({ response, problem, sending, request }: ResponsePanelProps): React.JSX.Element {
  const [tab, setTab] = useState<Tab>('body');
  const tabs: readonly [Tab, string][] = [
    ['body', 'Body'],
    ['headers', 'Headers'],
    ['sql', response === null ? 'SQL' : `SQL ${response.statements.length}`],
    ['timings', 'Timings'],
    ['code', 'Code'],
  ];
  return (
    <section className="response-panel" aria-label="Response" aria-busy={sending}>
      <div className="response-head">
        <div className="tabs" role="tablist">
          {tabs.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} data-testid={`response-tab-${id}`} onClick={() => setTab(id)}>
              {label}
            </button>
          ))}
        </div>
        <span className="grow" />
        {sending && <Spinner label="Waiting for the answer…" />}
        {response !== null && (
          <div className="response-meta row">
            {response.piiRandomised && (
              <span className="pill warn" data-testid="pii-mark" title="Names, emails, phones and addresses in this response are fake, stable for this session">
                PII randomised
              </span>
            )}
            <span className={`status ${statusClass(response.status)}`} data-testid="response-status" data-request-id={response.requestId} title={`Request id ${response.requestId}`}>
              {response.status}
            </span>
            <span className="muted">{response.statusText}</span>
            <span data-testid="response-time">{Math.round(response.durationMs)} ms</span>
            <span data-testid="response-size">{size(response.sizeBytes)}</span>
            {response.truncated === true && (
              <span className="pill warn" title="The body shown is the first 5 MB; narrow the request (fields, per_page) to see all of it">
                truncated
              </span>
            )}
          </div>
        )}
      </div>
      <div className="response-content">
        <ProblemAlert problem={problem} />
        {tab === 'code' ? (
          <CodeTab request={request} />
        ) : response === null ? (
          !sending && problem === null && <p className="muted empty">Pick an endpoint on the left or type a path, then Send (Ctrl+Enter). The answer, its SQL and timings appear here.</p>
        ) : (
          <>
            {tab === 'body' && <ResponseBody response={response} />}
            {tab === 'headers' && <ResponseHeaders response={response} />}
            {tab === 'sql' && <SqlTab response={response} />}
            {tab === 'timings' && <TimingsTab response={response} />}
          </>
        )}
      </div>
    </section>
  );
}
