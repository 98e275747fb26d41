/**
 * Method, URL (with completion of paths, parameter keys and values) and Send / Cancel, plus Save
 * with a name. Enter in the URL or Ctrl/⌘+Enter anywhere sends; Esc cancels a request in flight.
 */
import { useEffect, useRef, useState } from 'react';
import type { HttpMethod } from '../../../src-shared/admin-api.ts';
import { AutocompleteInput } from './AutocompleteInput.tsx';
import { METHODS, type Draft } from './explorer-draft.ts';
import type { SuggestContext } from './param-suggestions.ts';
import { suggestInUrl } from './url-suggest.ts';

export interface RequestBarProps {
  readonly draft: Draft;
  readonly graphqlPath: string;
  readonly onChange: (patch: Partial<Draft>) => void;
  readonly ctx: SuggestContext | null;
  readonly sending: boolean;
  readonly elapsedMs: number;
  readonly onSend: () => void;
  readonly onCancel: () => void;
  readonly onSave: (name: string) => void;
  /** Bumped by Ctrl+S: opens the name box. */
  readonly saveRequests: number;
}

function SaveBox({ onSave, onClose }: { onSave: (name: string) => void; onClose: () => void }): React.JSX.Element {
  const [name, setName] = useState('');
  return (
    <form
      className="row save-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() === '') return;
        onSave(name.trim());
        onClose();
      }}
    >
      <input autoFocus placeholder="Name this request" aria-label="Saved request name" data-testid="save-name" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onClose()} />
      <button type="submit" className="small primary" data-testid="save-confirm" disabled={name.trim() === ''}>
        Save
      </button>
      <button type="button" className="small ghost" onClick={onClose}>
        Cancel
      </button>
    </form>
  );
}

export function RequestBar(props: RequestBarProps): React.JSX.Element {
  const { draft, onChange, sending } = props;
  const [saving, setSaving] = useState(false);
  const first = useRef(props.saveRequests);
  useEffect(() => {
    if (props.saveRequests !== first.current) setSaving(true);
  }, [props.saveRequests]);
  const graphql = draft.mode === 'graphql';
  return (
    <div className="request-bar">
      <div className="row">
        <select
          aria-label="Method"
          data-testid="explorer-method"
          className={`method-select method-${graphql ? 'POST' : draft.method}`}
          value={graphql ? 'POST' : draft.method}
          disabled={graphql}
          onChange={(e) => onChange({ method: e.target.value as HttpMethod })}
        >
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        {graphql ? (
          <input className="grow mono" readOnly value={props.graphqlPath} data-testid="explorer-path" aria-label="GraphQL endpoint" />
        ) : (
          <AutocompleteInput
            className="grow url"
            value={draft.path}
            ariaLabel="Request path"
            testId="explorer-path"
            placeholder="/api/v1/invoices?filter[status]=2"
            onChange={(path) => onChange({ path })}
            suggest={(value, caret) => (props.ctx === null ? null : suggestInUrl(value, caret, props.ctx))}
            onEnter={props.onSend}
          />
        )}
        {sending ? (
          <button type="button" className="danger" data-testid="explorer-cancel" onClick={props.onCancel} title="Cancel (Esc)">
            Cancel · {(props.elapsedMs / 1000).toFixed(1)} s
          </button>
        ) : (
          <button type="button" className="primary" data-testid="explorer-send" onClick={props.onSend} title="Send (Ctrl+Enter)">
            Send
          </button>
        )}
        <button type="button" data-testid="explorer-save" onClick={() => setSaving(true)} title="Save (Ctrl+S)">
          Save
        </button>
      </div>
      {sending && (
        <div className="progress indeterminate" role="progressbar" aria-label="Waiting for the answer" data-testid="explorer-progress">
          <div />
        </div>
      )}
      {saving && <SaveBox onSave={props.onSave} onClose={() => setSaving(false)} />}
    </div>
  );
}
