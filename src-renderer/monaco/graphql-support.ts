/**
 * Schema-aware GraphQL in Monaco with graphql-language-service 5.7 (monaco-graphql needs Monaco < 0.53):
 * one completion provider for the `graphql` language that asks `getAutocompleteSuggestions` with the
 * schema bound to the edited model, and markers from `getDiagnostics` as the text changes.
 */
import type { GraphQLSchema } from 'graphql';
import { getAutocompleteSuggestions, getDiagnostics, Position, type CompletionItem } from 'graphql-language-service';
import type { EditorInstance } from './CodeEditor.tsx';
import type { Monaco } from './monaco-setup.ts';

type Model = NonNullable<ReturnType<EditorInstance['getModel']>>;

const schemas = new Map<string, () => GraphQLSchema | null>();
let provider: { dispose(): void } | undefined;

// LSP CompletionItemKind numbers (1-based, vscode-languageserver-types) → Monaco's enum member names.
const KIND_NAMES = [
  'Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property', 'Unit', 'Value', 'Enum',
  'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event', 'Operator', 'TypeParameter',
] as const;

function toMonacoItem(api: Monaco, item: CompletionItem, range: InstanceType<Monaco['Range']>) {
  const kinds = api.languages.CompletionItemKind;
  const kindName = item.kind === undefined ? 'Field' : (KIND_NAMES[item.kind - 1] ?? 'Field');
  const snippet = item.insertTextFormat === 2;
  const documentation = typeof item.documentation === 'string' ? item.documentation : undefined;
  return {
    label: item.label,
    kind: kinds[kindName],
    detail: item.detail ?? undefined,
    documentation: documentation ?? undefined,
    insertText: item.insertText ?? item.label,
    insertTextRules: snippet ? api.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    sortText: item.sortText,
    tags: item.isDeprecated === true ? [api.languages.CompletionItemTag.Deprecated] : undefined,
    range,
  };
}

function ensureProvider(api: Monaco): void {
  provider ??= api.languages.registerCompletionItemProvider('graphql', {
    triggerCharacters: ['{', '(', ':', '$', '@', ' ', '\n'],
    provideCompletionItems(model, position) {
      const schema = schemas.get(model.uri.toString())?.() ?? null;
      if (schema === null) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new api.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const cursor = new Position(position.lineNumber - 1, position.column - 1);
      const items = getAutocompleteSuggestions(schema, model.getValue(), cursor);
      return { suggestions: items.map((item) => toMonacoItem(api, item, range)) };
    },
  });
}

const SEVERITY = [8, 4, 2, 1] as const; // LSP 1..4 (error, warning, info, hint) → MarkerSeverity

function validate(api: Monaco, model: Model, schema: GraphQLSchema | null): void {
  if (model.isDisposed()) return;
  const markers = getDiagnostics(model.getValue(), schema).map((d) => ({
    severity: SEVERITY[(d.severity ?? 1) - 1] ?? 8,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    startLineNumber: d.range.start.line + 1,
    startColumn: d.range.start.character + 1,
    endLineNumber: d.range.end.line + 1,
    endColumn: Math.max(d.range.end.character + 1, d.range.start.character + 2),
    source: 'graphql',
  }));
  api.editor.setModelMarkers(model, 'graphql', markers);
}

/**
 * Binds `getSchema` to the editor's model: completion and diagnostics use it. Returns the cleanup.
 * Call `revalidate` (returned) when the schema changes.
 */
export function bindGraphqlSchema(api: Monaco, editor: EditorInstance, getSchema: () => GraphQLSchema | null): { revalidate(): void; dispose(): void } {
  const model = editor.getModel();
  if (model === null) return { revalidate: () => undefined, dispose: () => undefined };
  ensureProvider(api);
  const key = model.uri.toString();
  schemas.set(key, getSchema);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const revalidate = (): void => validate(api, model, getSchema());
  const listener = model.onDidChangeContent(() => {
    clearTimeout(timer);
    timer = setTimeout(revalidate, 250);
  });
  revalidate();
  return {
    revalidate,
    dispose() {
      clearTimeout(timer);
      listener.dispose();
      schemas.delete(key);
    },
  };
}
