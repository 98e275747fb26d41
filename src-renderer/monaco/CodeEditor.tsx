/**
 * One Monaco editor, created once and disposed on unmount (Electron Fiddle's `editor.tsx` pattern):
 * React owns the box, Monaco owns what is inside it. `value` flows in (applied as an undoable edit when
 * it differs from what the user typed), edits flow out through `onChange`. Ctrl/⌘+Enter inside the
 * editor calls `onRun` (Monaco would otherwise insert a line). Load it through `LazyCodeEditor`.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useStudio } from '../state/studio-store.ts';
import { monaco } from './monaco-setup.ts';

export type EditorInstance = ReturnType<typeof monaco.editor.create>;

export interface CodeEditorProps {
  readonly value: string;
  readonly language: 'json' | 'graphql' | 'plaintext';
  readonly onChange?: (value: string) => void;
  readonly onRun?: () => void;
  readonly readOnly?: boolean;
  /** Model URI path (`/explorer/query.graphql`): language services find their model by it. */
  readonly path?: string;
  readonly ariaLabel: string;
  /** Called once the editor exists; the returned cleanup runs before it is disposed. */
  readonly onMount?: (editor: EditorInstance, api: typeof monaco) => (() => void) | void;
}

function useMonacoTheme(): void {
  const theme = useStudio((s) => s.theme);
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);
}

export default function CodeEditor(props: CodeEditorProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorInstance | null>(null);
  const latest = useRef(props);
  latest.current = props;
  /** The text last reported through onChange: its echo in `value` must not be written back (typing is faster than React). */
  const emitted = useRef<string | null>(null);
  useMonacoTheme();

  useEffect(() => {
    const { value, language, readOnly = false, path, ariaLabel, onMount } = latest.current;
    const uri = path === undefined ? undefined : monaco.Uri.parse(`inmemory://studio${path}`);
    const model = monaco.editor.createModel(value, language, uri);
    const instance = monaco.editor.create(box.current!, {
      model,
      readOnly,
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      tabSize: 2,
      lineNumbersMinChars: 3,
      folding: true,
      wordWrap: readOnly ? 'on' : 'off',
      fixedOverflowWidgets: true,
      renderLineHighlight: readOnly ? 'none' : 'line',
    });
    editor.current = instance;
    const changes = instance.onDidChangeModelContent(() => {
      emitted.current = model.getValue();
      latest.current.onChange?.(emitted.current);
    });
    // Text typed into Monaco reaches React as default-priority updates, which may not have rendered
    // when Ctrl+Enter or a click elsewhere comes: render them now, so what runs is what is on screen.
    const flush = (): void => flushSync(() => latest.current.onChange?.(model.getValue()));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      flush();
      latest.current.onRun?.();
    });
    const blur = instance.onDidBlurEditorText(() => {
      if (!readOnly) flush();
    });
    const cleanup = onMount?.(instance, monaco);
    return () => {
      cleanup?.();
      changes.dispose();
      blur.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
  }, []);

  // A layout effect: a passive one runs after paint, when keystrokes typed since this render may
  // already be in the model, and writing this render's `value` back would undo them.
  useLayoutEffect(() => {
    const model = editor.current?.getModel();
    if (model === null || model === undefined || props.value === emitted.current || model.getValue() === props.value) return;
    if (props.readOnly === true) model.setValue(props.value);
    else model.pushEditOperations([], [{ range: model.getFullModelRange(), text: props.value }], () => null);
  }, [props.value, props.readOnly]);

  return <div className="code-editor" ref={box} />;
}
