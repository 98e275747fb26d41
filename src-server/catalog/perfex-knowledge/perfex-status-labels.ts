/**
 * Meanings of Perfex's status codes and enumerations, from `perfex/NOTES.md` §5 (each from the
 * Perfex model constants it cites). Statuses stored in lookup tables (`tbltickets.status` →
 * `tbltickets_status`, `tblleads.status`…) are data, reachable through their relation, and not
 * listed here. Keyed by table name without the prefix, then column.
 */

type Labels = Readonly<Record<string, string>>;

const SHOW_QUANTITY_AS: Labels = { 1: 'Qty', 2: 'Hours', 3: 'Qty/Hours' };
const DISCOUNT_TYPE: Labels = { '': 'No discount', before_tax: 'Before tax', after_tax: 'After tax' };

export const PERFEX_STATUS_LABELS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  // Invoices_model::STATUS_*; 4 Overdue is set by the cron job.
  invoices: {
    status: { 1: 'Unpaid', 2: 'Paid', 3: 'Partially paid', 4: 'Overdue', 5: 'Cancelled', 6: 'Draft' },
    show_quantity_as: SHOW_QUANTITY_AS,
    discount_type: DISCOUNT_TYPE,
  },
  // estimate_status_by_id()
  estimates: {
    status: { 1: 'Draft', 2: 'Sent', 3: 'Declined', 4: 'Accepted', 5: 'Expired' },
    show_quantity_as: SHOW_QUANTITY_AS,
    discount_type: DISCOUNT_TYPE,
  },
  // format_proposal_status()
  proposals: {
    status: { 1: 'Open', 2: 'Declined', 3: 'Accepted', 4: 'Sent', 5: 'Revised', 6: 'Draft' },
    show_quantity_as: SHOW_QUANTITY_AS,
    discount_type: DISCOUNT_TYPE,
  },
  creditnotes: {
    status: { 1: 'Open', 2: 'Closed', 3: 'Void' },
    show_quantity_as: SHOW_QUANTITY_AS,
    discount_type: DISCOUNT_TYPE,
  },
  projects: {
    status: { 1: 'Not Started', 2: 'In Progress', 3: 'On Hold', 4: 'Finished', 5: 'Cancelled' },
    billing_type: { 1: 'Fixed Rate', 2: 'Project Hours', 3: 'Task Hours' },
  },
  // Tasks_model::STATUS_*; priority default is the option `default_task_priority` (2).
  tasks: {
    status: { 1: 'Not Started', 2: 'Awaiting Feedback', 3: 'Testing', 4: 'In Progress', 5: 'Complete' },
    priority: { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Urgent' },
  },
  // Stripe subscription statuses; NULL = not subscribed yet.
  subscriptions: {
    status: {
      active: 'Active',
      past_due: 'Past due',
      canceled: 'Canceled',
      incomplete: 'Incomplete',
      incomplete_expired: 'Incomplete (expired)',
      trialing: 'Trialing',
      unpaid: 'Unpaid',
    },
  },
  contact_permissions: {
    permission_id: { 1: 'Invoices', 2: 'Estimates', 3: 'Contracts', 4: 'Proposals', 5: 'Support', 6: 'Projects' },
  },
  projectdiscussioncomments: { discussion_type: { regular: 'Discussion', file: 'File' } },
  templates: { type: { proposals: 'Proposals', contracts: 'Contracts' } },
};

/** The labels of `table.column` (unprefixed table), or null. */
export function perfexStatusLabels(table: string, column: string): Labels | null {
  const columns = Object.hasOwn(PERFEX_STATUS_LABELS, table) ? PERFEX_STATUS_LABELS[table] : undefined;
  return columns !== undefined && Object.hasOwn(columns, column) ? (columns[column] ?? null) : null;
}
