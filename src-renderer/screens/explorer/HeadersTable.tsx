/** Extra request headers as rows (a blank row adds one); names complete from the headers the API reads. */
import type { HeaderRow } from './explorer-draft.ts';
import { AutocompleteInput } from './AutocompleteInput.tsx';

const KNOWN = [
  ['Accept', 'application/json, text/csv or application/x-ndjson'],
  ['Prefer', 'return=minimal, count=exact… (RFC 7240)'],
  ['If-None-Match', 'an ETag: 304 when unchanged'],
  ['If-Match', 'an ETag: the write applies only to that version'],
  ['X-Timestamp', 'HMAC-signed tokens: seconds since epoch'],
  ['X-Signature', 'HMAC-signed tokens: the signature'],
  ['Content-Type', 'set to application/json for bodies'],
] as const;

export function HeadersTable({ headers, onChange }: { headers: readonly HeaderRow[]; onChange: (headers: HeaderRow[]) => void }): React.JSX.Element {
  const rows = [...headers, { key: '', value: '' }];
  const update = (index: number, patch: Partial<HeaderRow>): void =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)).filter((row) => row.key !== '' || row.value !== ''));
  return (
    <table className="grid kv-table" data-testid="headers-table">
      <thead>
        <tr>
          <th>Header</th>
          <th>Value</th>
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>
              <AutocompleteInput
                value={row.key}
                ariaLabel={`Header ${i + 1} name`}
                placeholder={i === headers.length ? 'add a header' : ''}
                onChange={(key) => update(i, { key })}
                suggest={(value) => ({
                  items: KNOWN.filter(([name]) => name.toLowerCase().startsWith(value.toLowerCase()) && name !== value).map(([name, detail]) => ({ value: name, detail, partial: false })),
                  from: 0,
                  to: value.length,
                })}
              />
            </td>
            <td>
              <input value={row.value} aria-label={`Header ${i + 1} value`} spellCheck={false} onChange={(e) => update(i, { value: e.target.value })} />
            </td>
            <td>
              {i < headers.length && (
                <button type="button" className="ghost small" aria-label={`Remove ${row.key}`} onClick={() => update(i, { key: '', value: '' })}>
                  ×
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <caption className="muted small">The Studio adds authentication itself (see Auth); the data API ignores cookies.</caption>
    </table>
  );
}
