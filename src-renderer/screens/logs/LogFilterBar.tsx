/** The filters of the log: status class or exact status, token, resource, time range. */
import type { TokenRecord } from '../../../src-shared/admin-api.ts';
import { hasFilters, NO_FILTERS, type LogFilters } from './log-filters.ts';

export function LogFilterBar(props: {
  filters: LogFilters;
  tokens: readonly TokenRecord[];
  resources: readonly string[];
  onChange: (next: LogFilters) => void;
}): React.JSX.Element {
  const { filters, onChange } = props;
  const set = (patch: Partial<LogFilters>): void => onChange({ ...filters, ...patch });
  return (
    <div className="log-filters" data-testid="log-filters">
      <label className="field">
        Status
        <select data-testid="log-filter-class" value={filters.statusClass} onChange={(e) => set({ statusClass: e.target.value, status: '' })}>
          <option value="">any</option>
          <option value="2xx">2xx success</option>
          <option value="3xx">3xx redirect / not modified</option>
          <option value="4xx">4xx refused</option>
          <option value="5xx">5xx failed</option>
        </select>
      </label>
      <label className="field">
        Exact status
        <input type="number" min={100} max={599} placeholder="e.g. 403" className="narrow" data-testid="log-filter-status" value={filters.status} onChange={(e) => set({ status: e.target.value })} />
      </label>
      <label className="field">
        Token
        <select data-testid="log-filter-token" value={filters.token} onChange={(e) => set({ token: e.target.value })}>
          <option value="">any</option>
          {props.tokens.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.hint}){t.revokedAt !== null ? ' — revoked' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Resource
        <select data-testid="log-filter-resource" value={filters.resource} onChange={(e) => set({ resource: e.target.value })}>
          <option value="">any</option>
          {props.resources.map((r) => (
            <option key={r} value={r}>
              /api/v1/{r}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        From
        <input type="datetime-local" data-testid="log-filter-from" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="field">
        To
        <input type="datetime-local" data-testid="log-filter-to" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <button type="button" className="ghost small" disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)}>
        Clear filters
      </button>
    </div>
  );
}
