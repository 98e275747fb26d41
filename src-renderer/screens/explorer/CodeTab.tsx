/**
 * cURL, JavaScript, PHP and Python for the request in the builder, from POST /explorer/samples (the
 * generator /api_docs uses), each with a copy button. Fetched again when the request changes.
 */
import { useEffect, useState } from 'react';
import type { CodeSamples, ExplorerRequest, ProblemBody } from '../../../src-shared/admin-api.ts';
import { admin, ApiProblem } from '../../api/admin-client.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';

const LANGUAGES: readonly [keyof CodeSamples, string][] = [
  ['curl', 'cURL'],
  ['javascript', 'JavaScript'],
  ['php', 'PHP'],
  ['python', 'Python'],
];

export function CodeTab({ request }: { request: ExplorerRequest }): React.JSX.Element {
  const [language, setLanguage] = useState<keyof CodeSamples>('curl');
  const [samples, setSamples] = useState<CodeSamples | null>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const key = JSON.stringify(request);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      admin<CodeSamples>('/explorer/samples', { method: 'POST', json: JSON.parse(key) as ExplorerRequest })
        .then((answer) => {
          if (!live) return;
          setSamples(answer);
          setProblem(null);
        })
        .catch((error: unknown) => live && setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <div className="code-tab" data-testid="code-samples">
      <div className="row">
        {LANGUAGES.map(([id, label]) => (
          <button key={id} type="button" className={language === id ? 'small primary' : 'small'} data-testid={`code-lang-${id}`} onClick={() => setLanguage(id)}>
            {label}
          </button>
        ))}
        <span className="grow" />
        {samples !== null && <CopyButton text={samples[language]} testId={`copy-${language}`} />}
      </div>
      <ProblemAlert problem={problem} />
      {samples === null && problem === null && <Spinner label="Generating samples…" />}
      {samples !== null && (
        <pre className="code sample" data-testid={`code-sample-${language}`}>
          {samples[language]}
        </pre>
      )}
    </div>
  );
}
