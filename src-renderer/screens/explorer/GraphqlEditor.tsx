/**
 * The GraphQL document and its variables, each in Monaco. The schema is the SDL of
 * GET /explorer/graphql-schema built with graphql's `buildSchema`: completion (Ctrl+Space) and
 * validation markers come from graphql-language-service (`../../monaco/graphql-support.ts`).
 * Loaded lazily with Monaco, so graphql stays out of the Studio's first bundle.
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import { useEffect, useRef, useState } from 'react';
import type { ProblemBody } from '../../../src-shared/admin-api.ts';
import { adminRequest, ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import type { EditorInstance } from '../../monaco/CodeEditor.tsx';
import { bindGraphqlSchema } from '../../monaco/graphql-support.ts';
import { LazyCodeEditor } from '../../monaco/LazyCodeEditor.tsx';
import type { Monaco } from '../../monaco/monaco-setup.ts';

export interface GraphqlEditorProps {
  readonly query: string;
  readonly variables: string;
  readonly onChange: (patch: { query?: string; variables?: string }) => void;
  readonly onRun: () => void;
  /** Bumped when the API's shape changes: the schema is fetched again. */
  readonly catalogVersion: number;
}

function useSchema(catalogVersion: number): { schema: GraphQLSchema | null; problem: ProblemBody | null; loading: boolean } {
  const [state, setState] = useState<{ schema: GraphQLSchema | null; problem: ProblemBody | null; loading: boolean }>({ schema: null, problem: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    adminRequest('/explorer/graphql-schema', { headers: { Accept: 'text/plain' } })
      .then((response) => response.text())
      .then((sdl) => live && setState({ schema: buildSchema(sdl), problem: null, loading: false }))
      .catch((error: unknown) => {
        if (!live) return;
        const problem = error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: 'The GraphQL schema could not be read', status: 0, code: 'CLIENT', detail: String(error) };
        setState({ schema: null, problem: { ...problem, hint: problem.hint ?? 'Completion and validation are off; queries still run.' }, loading: false });
      });
    return () => {
      live = false;
    };
  }, [catalogVersion]);
  return state;
}

export default function GraphqlEditor(props: GraphqlEditorProps): React.JSX.Element {
  const { schema, problem, loading } = useSchema(props.catalogVersion);
  const schemaRef = useRef<GraphQLSchema | null>(null);
  const binding = useRef<{ revalidate(): void } | null>(null);
  schemaRef.current = schema;
  useEffect(() => binding.current?.revalidate(), [schema]);

  const onMount = (editor: EditorInstance, api: Monaco): (() => void) => {
    const bound = bindGraphqlSchema(api, editor, () => schemaRef.current);
    binding.current = bound;
    editor.focus();
    return () => {
      bound.dispose();
      binding.current = null;
    };
  };

  return (
    <div className="graphql-editor">
      <div className="graphql-query">
        <div className="pane-head">
          Query {loading ? <Spinner label="reading the schema…" /> : schema !== null && <span className="muted small" data-testid="graphql-schema-ready">schema: {Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__')).length} types</span>}
        </div>
        <ProblemAlert problem={problem} />
        <LazyCodeEditor
          testId="graphql-query"
          language="graphql"
          path="/explorer/query.graphql"
          ariaLabel="GraphQL query"
          value={props.query}
          onChange={(query) => props.onChange({ query })}
          onRun={props.onRun}
          onMount={onMount}
        />
      </div>
      <div className="graphql-variables">
        <div className="pane-head">Variables</div>
        <LazyCodeEditor
          testId="graphql-variables"
          language="json"
          path="/explorer/variables.json"
          ariaLabel="GraphQL variables (JSON)"
          value={props.variables}
          onChange={(variables) => props.onChange({ variables })}
          onRun={props.onRun}
        />
      </div>
    </div>
  );
}
