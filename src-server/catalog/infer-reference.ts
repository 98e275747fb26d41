/**
 * Naming heuristics for references the database does not declare and the Perfex catalogue does
 * not list (module tables, other apps). Only integer columns, only to a table with a single integer
 * primary key, and only when exactly one table fits, in this order:
 *   1. Perfex's own meanings: `userid` is the customer, `addedfrom`/`sale_agent`/`assigned`/`admin`… are
 *      staff (NOTES.md §1, §11), `is_recurring_from` and `parent` point at the same table;
 *   2. `<x>id` / `<x>_id` / `<x>` where `<x>` names a table, singular or plural per word
 *      (`invoice_id` → invoices, `lead_status` → leads_status, `currency` → currencies);
 *   3. a sibling table named after this one's prefix: `tbltickets.priority` → tickets_priorities,
 *      `tblexpenses.category` → expenses_categories, `tblticket_attachments.replyid` → ticket_replies;
 *   4. a table whose primary key has this name (`departmentid`, `articleid`, `postid`), or ends with it
 *      (`boxdescriptionid` → `questionboxdescriptionid`);
 *   5. rules 2–3 again after dropping leading words (`merged_ticket_id` → tickets, itself included,
 *      `renewed_by_staff_id` → staff, `billing_country` → countries).
 */
import pluralize from 'pluralize';
import type { DbColumn, DbTable } from '../introspect/db-schema.ts';
import { stripPrefix } from './detect-prefix.ts';
import { isFlagColumn, isIntegerColumn } from './field-type.ts';

/** Marks a meaning that points at the column's own table. */
const SELF = '';

/** Column names with a fixed Perfex meaning, whatever table they are in. */
const PERFEX_MEANINGS: Readonly<Record<string, string>> = {
  is_recurring_from: SELF,
  recurring_from: SELF,
  parent: SELF,
  parent_id: SELF,
  admin: 'staff',
  userid: 'clients',
  customer_id: 'clients',
  customerid: 'clients',
  staffid: 'staff',
  staff_id: 'staff',
  addedfrom: 'staff',
  added_from: 'staff',
  added_by: 'staff',
  sale_agent: 'staff',
  assigned: 'staff',
  assigned_to: 'staff',
  creator: 'staff',
  created_by: 'staff',
  created_from: 'staff',
  responsible: 'staff',
  touserid: 'staff',
  fromuserid: 'staff',
  finished_from: 'staff',
  assigned_from: 'staff',
};

/** Words a non-`id` column may start with and still name its target with the rest (`billing_country`). */
const QUALIFIERS = new Set([
  'billing',
  'shipping',
  'default',
  'last',
  'parent',
  'main',
  'current',
  'previous',
  'old',
  'new',
  'primary',
]);

/** Polymorphic id columns: their target depends on a type column, which naming cannot know. */
const POLYMORPHIC_IDS = new Set(['rel_id', 'relid']);

interface CandidateTable {
  readonly table: string;
  readonly unprefixed: string;
  /** Words singularised and joined: `tickets_priorities` → `ticketpriority`. */
  readonly canon: string;
  readonly key: string;
}

/** The tables a reference may point to, prepared once per schema. */
export interface ReferenceIndex {
  readonly prefix: string;
  readonly tables: readonly CandidateTable[];
  readonly byUnprefixed: ReadonlyMap<string, CandidateTable>;
}

export interface InferredReference {
  readonly table: string;
  readonly column: string;
  /** Which rule found it, for the relation's description. */
  readonly rule: string;
}

/** `leads_status` → `leadstatus`; `tickets_priorities` → `ticketpriority`. */
export function canonicalName(name: string): string {
  return name
    .toLowerCase()
    .split('_')
    .filter((w) => w !== '')
    .map((w) => pluralize.singular(w))
    .join('');
}

/** Indexes the tables that have a single integer primary key. */
export function createReferenceIndex(tables: readonly DbTable[], prefix: string): ReferenceIndex {
  const candidates: CandidateTable[] = [];
  for (const t of tables) {
    const keyName = t.primaryKey.length === 1 ? t.primaryKey[0] : undefined;
    const key = t.columns.find((c) => c.name === keyName);
    if (t.isView || key === undefined || !isIntegerColumn(key)) continue;
    const unprefixed = stripPrefix(t.name, prefix);
    candidates.push({ table: t.name, unprefixed, canon: canonicalName(unprefixed), key: key.name });
  }
  return { prefix, tables: candidates, byUnprefixed: new Map(candidates.map((c) => [c.unprefixed, c])) };
}

function only<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

/** Rules 2 and 3 for one stem (`invoice`, `lead_status`, `reply`). */
function byStem(
  stem: string,
  self: { canon: string; table: string },
  index: ReferenceIndex,
  allowSelf: boolean,
): CandidateTable | undefined {
  const canon = canonicalName(stem);
  if (canon === '') return undefined;
  // `tblcredits.credit_id` is not a self-reference, but `tbltickets.merged_ticket_id` is.
  const others = allowSelf ? index.tables : index.tables.filter((t) => t.table !== self.table);
  const exact = only(others.filter((t) => t.canon === canon));
  if (exact !== undefined) return exact;
  // Sibling: target = <prefix of this table> + <stem>, e.g. `ticket` + `priority`.
  return only(
    others.filter((t) => {
      if (!t.canon.endsWith(canon) || t.canon === canon) return false;
      const head = t.canon.slice(0, -canon.length);
      return self.canon.startsWith(head);
    }),
  );
}

/** The table and key `column` of `table` most likely refers to, or null. */
export function inferReference(table: DbTable, column: DbColumn, index: ReferenceIndex): InferredReference | null {
  const name = column.name.toLowerCase();
  if (!isIntegerColumn(column) || isFlagColumn(column) || POLYMORPHIC_IDS.has(name)) return null;
  if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name) return null;
  const self = { table: table.name, canon: canonicalName(stripPrefix(table.name, index.prefix)) };
  const found = (t: CandidateTable | undefined, rule: string): InferredReference | null =>
    t === undefined ? null : { table: t.table, column: t.key, rule };

  const meaning = Object.hasOwn(PERFEX_MEANINGS, name) ? PERFEX_MEANINGS[name] : undefined;
  if (meaning === SELF) {
    const target = index.tables.find((t) => t.table === table.name);
    if (target !== undefined) return found(target, `Perfex naming: \`${name}\` is a row of the same table`);
  } else if (meaning !== undefined) {
    const target = index.byUnprefixed.get(meaning);
    // tblstaff.admin is the staff member's own 0/1 admin flag, not a reference.
    if (target !== undefined && target.table !== table.name)
      return found(target, `Perfex naming: \`${name}\` is a ${pluralize.singular(meaning)} id`);
  }

  // `tax2`, `tax_id_2`: a second reference to the same table.
  const base = name.replace(/_?\d+$/, '');
  const idMatch = /^(.+?)_?id$/.exec(base);
  const hasId = idMatch !== null && base.length > 2;
  const stem = hasId ? (idMatch[1] ?? '') : base;

  const direct = byStem(stem, self, index, false);
  if (direct !== undefined) return found(direct, `column name \`${column.name}\``);

  if (hasId) {
    const others = index.tables.filter((t) => t.table !== table.name && t.key !== 'id');
    const byKey = only(others.filter((t) => t.key.toLowerCase() === name));
    if (byKey !== undefined) return found(byKey, `same name as the primary key of ${byKey.table}`);
    // Long names only: `boxdescriptionid` is specific, `userid` is not.
    const bySuffix = name.length >= 10 ? only(others.filter((t) => t.key.toLowerCase().endsWith(name))) : undefined;
    if (bySuffix !== undefined) return found(bySuffix, `primary key ${bySuffix.key} of ${bySuffix.table}`);
  }

  const words = stem.split('_').filter((w) => w !== '');
  for (let i = 1; i < words.length; i++) {
    // Without `id`, only qualifier words may be dropped: `show_primary_contact` is a flag, not a contact.
    if (!hasId && !QUALIFIERS.has(words[i - 1] ?? '')) break;
    const shorter = byStem(words.slice(i).join('_'), self, index, hasId);
    if (shorter !== undefined) return found(shorter, `column name \`${column.name}\``);
  }
  return null;
}
