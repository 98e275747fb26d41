/**
 * The editor's changes as pure functions: a change → the table's next stored entry (what PUT
 * replaces) and the detail as it will look (shown at once, rolled back if the server refuses).
 */
import type {
  ColumnState,
  Operation,
  TableSettingsInput,
  WhitelistColumn,
  WhitelistTableDetail,
} from '../../../src-shared/admin-api.ts';

export type TableChange =
  | { readonly kind: 'expose'; readonly exposed: boolean }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'operations'; readonly operations: readonly Operation[] }
  | { readonly kind: 'column-state'; readonly column: string; readonly state: Exclude<ColumnState, 'sensitive'> }
  | { readonly kind: 'column-pii'; readonly column: string; readonly pii: boolean };

export const OPERATIONS: readonly Operation[] = ['read', 'create', 'update', 'delete'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = ['graphql', 'views', 'health', 'auth'];

function without(list: readonly string[] | undefined, name: string): string[] {
  return (list ?? []).filter((n) => n !== name);
}

function withName(list: readonly string[] | undefined, name: string): string[] {
  return [...without(list, name), name];
}

/** Drops empty column lists, so an entry holds only what the user set (an empty `operations` is meant). */
function tidy(settings: TableSettingsInput): TableSettingsInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined || (key !== 'operations' && Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as TableSettingsInput;
}

/** The stored entry after `change`, starting from what the table has now. */
export function nextSettings(detail: WhitelistTableDetail, change: TableChange): TableSettingsInput {
  const s: TableSettingsInput = detail.settings ?? {};
  switch (change.kind) {
    case 'expose':
      return tidy({ ...s, expose: change.exposed });
    case 'name':
      return tidy({ ...s, name: change.name === '' ? undefined : change.name });
    case 'operations':
      return tidy({ ...s, operations: OPERATIONS.filter((op) => change.operations.includes(op)) });
    case 'column-state':
      return tidy({
        ...s,
        hiddenColumns: change.state === 'hidden' ? withName(s.hiddenColumns, change.column) : without(s.hiddenColumns, change.column),
        readOnlyColumns:
          change.state === 'read-only' ? withName(s.readOnlyColumns, change.column) : without(s.readOnlyColumns, change.column),
      });
    case 'column-pii':
      return tidy({
        ...s,
        piiColumns: change.pii ? withName(s.piiColumns, change.column) : without(s.piiColumns, change.column),
        notPiiColumns: change.pii ? without(s.notPiiColumns, change.column) : withName(s.notPiiColumns, change.column),
      });
  }
}

function patchColumn(columns: readonly WhitelistColumn[], name: string, patch: Partial<WhitelistColumn>): WhitelistColumn[] {
  return columns.map((c) => (c.name === name ? { ...c, ...patch } : c));
}

/** The detail as the change will make it, shown before the server answers. */
export function optimisticDetail(detail: WhitelistTableDetail, change: TableChange): WhitelistTableDetail {
  const settings = nextSettings(detail, change);
  const base = { ...detail, settings, customised: true };
  switch (change.kind) {
    case 'expose':
      return { ...base, exposed: change.exposed };
    case 'name':
      return { ...base, resource: change.name === '' ? detail.resource : change.name };
    case 'operations':
      return { ...base, operations: OPERATIONS.filter((op) => change.operations.includes(op)) };
    case 'column-state':
      return { ...base, columnsDetail: patchColumn(detail.columnsDetail, change.column, { state: change.state }) };
    case 'column-pii':
      return { ...base, columnsDetail: patchColumn(detail.columnsDetail, change.column, { pii: change.pii }) };
  }
}

/** What is wrong with a resource name before it is sent (the server checks again), or null. */
export function nameProblem(name: string, takenBy: ReadonlyMap<string, string>, table: string): string | null {
  if (name === '') return null;
  if (!NAME.test(name)) return 'Letters, digits and _ only, not starting with a digit.';
  if (RESERVED.includes(name)) return `"${name}" is reserved: /api/v1/${name} is a route of its own.`;
  const holder = takenBy.get(name);
  if (holder !== undefined && holder !== table) return `Already the resource name of ${holder}.`;
  return null;
}

/** One-line description of a change, for the status line. */
export function describeChange(change: TableChange): string {
  switch (change.kind) {
    case 'expose':
      return change.exposed ? 'exposed' : 'hidden from the API';
    case 'name':
      return change.name === '' ? 'default name' : `renamed to ${change.name}`;
    case 'operations':
      return `operations: ${change.operations.join(', ') || 'none'}`;
    case 'column-state':
      return `${change.column}: ${change.state}`;
    case 'column-pii':
      return `${change.column}: ${change.pii ? 'PII' : 'not PII'}`;
  }
}
