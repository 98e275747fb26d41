/**
 * The Studio (placeholder): the React + Monaco UI comes with the Studio issue. Until then it lists
 * the resources of the admin-less data API, like the server's placeholder page.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface ResourceEntry {
  readonly name: string;
  readonly operations: readonly string[];
}

function App(): React.JSX.Element {
  const [resources, setResources] = useState<readonly ResourceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/v1')
      .then((r) => r.json() as Promise<{ data: ResourceEntry[] }>)
      .then((body) => setResources(body.data))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>Perfex API Studio</h1>
      <p>The Studio is not built yet; these are the resources the API exposes.</p>
      {error !== null && <p role="alert">{error}</p>}
      <ul data-testid="resources">
        {resources?.map((r) => (
          <li key={r.name}>
            <a href={`/api/v1/${r.name}`}>{r.name}</a> ({r.operations.join(', ')})
          </li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<StrictMode><App /></StrictMode>);
