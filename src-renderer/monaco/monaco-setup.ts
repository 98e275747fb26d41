/**
 * Monaco for the Studio, configured once: its web workers come from this bundle (Vite `?worker`
 * chunks, same origin, which the page's CSP allows as `worker-src 'self' blob:`), and
 * @monaco-editor/react's loader is handed this instance, or it would fetch Monaco from a CDN and hang
 * under the CSP. Import it lazily (`load-monaco.ts`) so the rest of the Studio opens without Monaco.
 */
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { monaco } from './monaco-bundle.ts';

// `label` is the language id whose service asks for a worker; everything else (tokens, diffs,
// links) runs in the generic editor worker.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco };
export type Monaco = typeof monaco;
