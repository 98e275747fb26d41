/** The explorer's PII switch: on = names, emails, phones, addresses… in responses are stable fakes. */
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { PiiSetting } from './use-pii.ts';

export function PiiToggle({ pii }: { pii: PiiSetting }): React.JSX.Element {
  return (
    <div className="pii-toggle">
      <label title="Replace personal data in responses with fake values that stay the same for the same person during this session (for screen sharing). Ids and numbers are untouched.">
        <input type="checkbox" role="switch" data-testid="pii-toggle" checked={pii.enabled} disabled={!pii.loaded} onChange={(e) => pii.set(e.target.checked)} />
        <span className="switch" aria-hidden="true" />
        Randomise PII
      </label>
      {pii.problem !== null && (
        <div className="pii-problem">
          <ProblemAlert problem={pii.problem} />
        </div>
      )}
    </div>
  );
}
