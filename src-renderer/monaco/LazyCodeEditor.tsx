/**
 * The editor any screen uses: Monaco (~3 MB) loads on first use, so the Studio's first screen
 * opens without it. Same props as `CodeEditor`.
 */
import { lazy, Suspense } from 'react';
import { Spinner } from '../components/Spinner.tsx';
import type { CodeEditorProps } from './CodeEditor.tsx';

const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

export function LazyCodeEditor(props: CodeEditorProps & { readonly testId?: string; readonly className?: string }): React.JSX.Element {
  const { testId, className, ...editor } = props;
  return (
    <div className={className === undefined ? 'code-editor-box' : `code-editor-box ${className}`} data-testid={testId}>
      <Suspense fallback={<Spinner label="Loading the editor…" />}>
        <CodeEditor {...editor} />
      </Suspense>
    </div>
  );
}
