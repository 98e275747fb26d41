/** One-click downloads of the API description: Postman v2.1, OpenAPI 3.1 and 3.0 in JSON or YAML. */
import { useState } from 'react';
import type { ProblemBody } from '../../../src-shared/admin-api.ts';
import { ApiProblem } from '../../api/admin-client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { downloadExport } from './download-export.ts';

interface ExportKind {
  readonly id: string;
  readonly label: string;
  readonly format: string;
  readonly detail: string;
  readonly path: string;
  readonly file: string;
}

const EXPORTS: readonly ExportKind[] = [
  { id: 'postman', label: 'Postman collection', format: 'v2.1', detail: 'a folder per resource, {{token}} and {{baseUrl}} variables', path: '/exports/postman', file: 'perfex-api.postman_collection.json' },
  { id: 'openapi-3.1-json', label: 'OpenAPI 3.1', format: 'JSON', detail: 'Swagger UI, Redocly, Scalar, client generators', path: '/exports/openapi?version=3.1&format=json', file: 'perfex-api.openapi-3.1.json' },
  { id: 'openapi-3.1-yaml', label: 'OpenAPI 3.1', format: 'YAML', detail: '', path: '/exports/openapi?version=3.1&format=yaml', file: 'perfex-api.openapi-3.1.yaml' },
  { id: 'openapi-3.0-json', label: 'OpenAPI 3.0', format: 'JSON', detail: 'for tools that do not read 3.1 yet', path: '/exports/openapi?version=3.0&format=json', file: 'perfex-api.openapi-3.0.json' },
  { id: 'openapi-3.0-yaml', label: 'OpenAPI 3.0', format: 'YAML', detail: '', path: '/exports/openapi?version=3.0&format=yaml', file: 'perfex-api.openapi-3.0.yaml' },
];

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function ExportDownloads({ docsUrl }: { docsUrl: string | null }): React.JSX.Element {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const run = async (kind: ExportKind): Promise<void> => {
    setBusy(kind.id);
    setProblem(null);
    try {
      const saved = await downloadExport(kind.path, kind.file);
      setDone((d) => ({ ...d, [kind.id]: `${saved.name} · ${size(saved.bytes)}` }));
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.problem : { type: 'about:blank', title: String(error), status: 0, code: 'CLIENT' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="card stack" data-testid="export-downloads">
      <h2>Export the API</h2>
      <p className="muted small">Everything the whitelist exposes, addressed to this server. Import into Postman, Insomnia, Bruno, or a client generator.</p>
      <div className="export-list">
        {EXPORTS.map((kind) => (
          <div key={kind.id} className="export-item">
            <button type="button" disabled={busy !== null} data-testid={`export-${kind.id}`} onClick={() => void run(kind)}>
              ⇩ {kind.label} <span className="muted">{kind.format}</span>
            </button>
            <span className="muted small grow">{done[kind.id] ?? kind.detail}</span>
            {busy === kind.id && <Spinner label="Generating…" />}
          </div>
        ))}
      </div>
      <ProblemAlert problem={problem} onDismiss={() => setProblem(null)} />
      <div className="row">
        {docsUrl !== null && (
          <a href={docsUrl} target="_blank" rel="noreferrer noopener" data-testid="export-docs-link">
            Open the API docs (/api_docs) ↗
          </a>
        )}
        <span className="muted small">the same reference, as a page to share</span>
      </div>
    </div>
  );
}
