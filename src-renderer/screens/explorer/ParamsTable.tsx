/**
 * Query parameters as rows, in sync with the URL: the rows are read from the path and every edit
 * writes the path back. Keys and values complete from the resource (↑/↓, Enter/Tab); accepting a
 * whole key moves to its value; Enter in a value sends.
 */
import { useRef } from 'react';
import { AutocompleteInput } from './AutocompleteInput.tsx';
import { suggestKeys, suggestValues, type SuggestContext } from './param-suggestions.ts';
import { joinPath, splitPath, type QueryParam } from './query-params.ts';

export interface ParamsTableProps {
  readonly path: string;
  readonly onPath: (path: string) => void;
  readonly ctx: SuggestContext | null;
  readonly onSend: () => void;
}

export function ParamsTable({ path, onPath, ctx, onSend }: ParamsTableProps): React.JSX.Element {
  const { base, params } = splitPath(path);
  const valueInputs = useRef<(HTMLInputElement | null)[]>([]);
  const rows: readonly QueryParam[] = [...params, { key: '', value: '' }];
  const update = (index: number, patch: Partial<QueryParam>): void => {
    const next = rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
    onPath(joinPath(base, next));
  };
  const remove = (index: number): void => onPath(joinPath(base, params.filter((_, i) => i !== index)));

  return (
    <table className="grid kv-table" data-testid="params-table">
      <thead>
        <tr>
          <th>Parameter</th>
          <th>Value</th>
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
            <tr key={i} data-testid="param-row">
              <td>
                <AutocompleteInput
                  value={row.key}
                  ariaLabel={`Parameter ${i + 1} name`}
                  placeholder={i === params.length ? 'add a parameter (Ctrl+Space)' : ''}
                  testId={`param-key-${i}`}
                  onChange={(key) => update(i, { key })}
                  suggest={(value, caret) => (ctx === null ? null : { items: suggestKeys(value.slice(0, caret), ctx), from: 0, to: value.length })}
                  onAccept={(item) => {
                    if (!item.partial) valueInputs.current[i]?.focus();
                  }}
                />
              </td>
              <td>
                <AutocompleteInput
                  value={row.value}
                  ariaLabel={`Parameter ${i + 1} value`}
                  testId={`param-value-${i}`}
                  inputRef={(element) => {
                    valueInputs.current[i] = element;
                  }}
                  onChange={(value) => update(i, { value })}
                  suggest={(value, caret) => (ctx === null ? null : { items: suggestValues(row.key, value.slice(0, caret), ctx), from: 0, to: value.length })}
                  onEnter={onSend}
                />
              </td>
              <td>
                {i < params.length && (
                  <button type="button" className="ghost small" aria-label={`Remove ${row.key}`} data-testid={`param-delete-${i}`} onClick={() => remove(i)}>
                    ×
                  </button>
                )}
              </td>
            </tr>
        ))}
      </tbody>
    </table>
  );
}
