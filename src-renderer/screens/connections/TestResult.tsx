/** What "Test" found: server version, tables, the detected prefix and whether it looks like Perfex — or why it failed. */
import type { ConnectionTest, ProblemBody } from '../../../src-shared/admin-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function TestResult({ result, problem }: { result: ConnectionTest | null; problem: ProblemBody | null }): React.JSX.Element | null {
  if (problem !== null) return <ProblemAlert problem={problem} />;
  if (result === null) return null;
  return (
    <div className="conn-test-ok" role="status" data-testid="conn-test-result">
      <span className="pill ok">✓ Connected in {result.durationMs} ms</span>
      <span>
        <span className="muted">Server</span> <code data-testid="conn-test-version">{result.serverVersion}</code>
      </span>
      <span>
        <span className="muted">Tables</span> <strong data-testid="conn-test-tables">{result.tables}</strong>
      </span>
      <span>
        <span className="muted">Prefix</span> <code data-testid="conn-test-prefix">{result.detectedPrefix === '' ? '(none)' : result.detectedPrefix}</code>
      </span>
      {result.looksLikePerfex ? (
        <span className="pill ok">Perfex CRM</span>
      ) : (
        <span className="pill warn" title="The usual Perfex tables (clients, contacts, invoices, itemable, staff) were not all found with this prefix">
          Not a Perfex database?
        </span>
      )}
    </div>
  );
}
