/**
 * Names of relations, unique per resource and stable across schema loads (the REST `include=` and
 * GraphQL fields use them):
 *   - to-one: the column without its `_id`/`id` suffix (`clientid` → `client`, `sale_agent`,
 *     `currency`), or the target's singular when that says nothing (`userid` → `client`, `rel_id`);
 *   - to-many: the child resource (`invoices`), a friendlier Perfex name for a few, suffixed with
 *     the column when the child reaches this resource through several columns or itself
 *     (`invoices_by_sale_agent`, `invoices_by_addedfrom`), so no plain name is ambiguous.
 */
import pluralize from 'pluralize';

/**
 * Friendlier to-many names, by the child table (unprefixed) and its referencing column: what the
 * Perfex UI calls them. The only list of its kind; keep it short.
 */
const FRIENDLY_TO_MANY: Readonly<Record<string, string>> = {
  'invoicepaymentrecords.invoiceid': 'payments',
  'itemable.rel_id': 'items',
  'item_tax.rel_id': 'item_taxes',
  'item_tax.itemid': 'taxes',
  'customfieldsvalues.relid': 'custom_field_values',
  'customfieldsvalues.fieldid': 'values',
  'task_assigned.taskid': 'assignees',
  'task_followers.taskid': 'followers',
  'taskstimers.task_id': 'timesheets',
  'ticket_replies.ticketid': 'replies',
  'project_members.project_id': 'members',
};

/** Stripped names that describe nothing about the target. */
const UNINFORMATIVE = new Set(['', 'user', 'rel']);

/** `clientid` → `client`, `project_id` → `project`, `sale_agent` → `sale_agent`. */
export function stripIdSuffix(column: string): string {
  if (/_id$/i.test(column)) return column.slice(0, -3);
  if (/id$/i.test(column)) return column.slice(0, -2).replace(/_$/, '');
  return column;
}

/** The to-one name for `column`; `targetResource` is null for a polymorphic relation. */
export function toOneName(column: string, targetResource: string | null): string {
  const stripped = stripIdSuffix(column);
  if (targetResource === null) return stripped === '' ? 'rel' : stripped;
  return UNINFORMATIVE.has(stripped.toLowerCase()) ? pluralize.singular(targetResource) : stripped;
}

/**
 * The to-many name before disambiguation: the friendly name when the child resource keeps its
 * default name (a renamed resource keeps the user's name), else the child resource name.
 */
export function toManyBaseName(childUnprefixed: string, column: string, childResource: string): string {
  const key = `${childUnprefixed}.${column}`;
  const friendly = Object.hasOwn(FRIENDLY_TO_MANY, key) ? FRIENDLY_TO_MANY[key] : undefined;
  return friendly !== undefined && childResource === childUnprefixed ? friendly : childResource;
}

/** `invoices` + `sale_agent` → `invoices_by_sale_agent`. */
export function byColumnName(base: string, column: string): string {
  return `${base}_by_${column}`;
}

/**
 * Picks the first free name among `candidates`, then `<last>_2`, `<last>_3`…; records it in `used`.
 * Callers pass relations in a fixed order, so the result is deterministic.
 */
export function claimName(candidates: readonly string[], used: Set<string>): string {
  for (const name of candidates) {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const last = candidates.at(-1) ?? 'relation';
  for (let n = 2; ; n++) {
    const name = `${last}_${n}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
