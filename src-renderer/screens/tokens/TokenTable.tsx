/**
 * The tokens of this store, newest first: name and hint, scopes and rights, dates, state and the
 * sandbox/HMAC badges; revoked and expired tokens stay listed (dimmed) so the audit log's names
 * still mean something.
 */
import type { TokenRecord } from '../../../src-shared/admin-api.ts';
import { describeGrants } from './grant-matrix-state.ts';
import { exactTime, relativeTime } from './relative-time.ts';

function When({ iso, empty }: { iso: string | null; empty: string }): React.JSX.Element {
  if (iso === null) return <span className="muted">{empty}</span>;
  return <span title={exactTime(iso)}>{relativeTime(iso)}</span>;
}

function stateOf(token: TokenRecord): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

export function TokenTable({ tokens, onRevoke }: { tokens: readonly TokenRecord[]; onRevoke: (token: TokenRecord) => void }): React.JSX.Element {
  return (
    <div className="table-scroll">
      <table className="grid token-table" data-testid="token-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Scopes and rights</th>
            <th>Created</th>
            <th>Last used</th>
            <th>Expires</th>
            <th>State</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const state = stateOf(t);
            return (
              <tr key={t.id} className={state === 'active' ? undefined : 'dim'} data-testid={`token-row-${t.name}`}>
                <td>
                  <strong>{t.name}</strong>
                  <div>
                    <code className="muted">{t.hint}</code>
                  </div>
                </td>
                <td>
                  <div className="row wrap">
                    {t.grants.scopes.map((s) => (
                      <span key={s} className="badge">
                        {s}
                      </span>
                    ))}
                  </div>
                  {describeGrants(t.grants).map((line) => (
                    <div key={line} className="small grant-line">
                      {line}
                    </div>
                  ))}
                  {describeGrants(t.grants).length === 0 && <div className="small muted">no resource rights</div>}
                </td>
                <td>
                  <When iso={t.createdAt} empty="—" />
                </td>
                <td>
                  <When iso={t.lastUsedAt} empty="never" />
                </td>
                <td>
                  <When iso={t.expiresAt} empty="never" />
                </td>
                <td>
                  <div className="row wrap">
                    <span className={state === 'active' ? 'pill ok' : 'pill danger'} data-testid="token-state">
                      {state}
                    </span>
                    {t.sandbox && (
                      <span className="pill warn" title="PII in this token's answers is randomised">
                        sandbox
                      </span>
                    )}
                    {t.hmac && (
                      <span className="pill" title="Requests must be HMAC-signed">
                        HMAC
                      </span>
                    )}
                  </div>
                </td>
                <td>
                  {state !== 'revoked' && (
                    <button type="button" className="small danger" data-testid={`token-revoke-${t.name}`} onClick={() => onRevoke(t)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
