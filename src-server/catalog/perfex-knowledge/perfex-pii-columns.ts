/**
 * Personal data in Perfex tables, from `perfex/NOTES.md` §8 (direct identifiers and contact data):
 * flagged `pii` so the explorer can randomise them when the screen is shared. Free text
 * (`description`, `message`…) may contain anything and is not flagged. `*` ends a column prefix.
 * Keyed by table name without the prefix.
 */

const ADDRESS_COPIES = ['billing_*', 'shipping_*', 'deleted_customer_name'];
const ACCEPTANCE = ['acceptance_firstname', 'acceptance_lastname', 'acceptance_email', 'acceptance_ip'];

export const PERFEX_PII_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  clients: [
    'company',
    'vat',
    'phonenumber',
    'website',
    'address',
    'city',
    'zip',
    'state',
    'country',
    'billing_*',
    'shipping_*',
    'latitude',
    'longitude',
  ],
  contacts: ['firstname', 'lastname', 'email', 'phonenumber', 'title', 'last_ip', 'profile_image'],
  leads: ['name', 'title', 'company', 'email', 'phonenumber', 'website', 'address', 'city', 'state', 'zip', 'country'],
  staff: [
    'firstname',
    'lastname',
    'email',
    'phonenumber',
    'skype',
    'facebook',
    'linkedin',
    'email_signature',
    'profile_image',
  ],
  invoices: ADDRESS_COPIES,
  creditnotes: ADDRESS_COPIES,
  estimates: [...ADDRESS_COPIES, ...ACCEPTANCE],
  contracts: ACCEPTANCE,
  proposals: ['proposal_to', 'email', 'phone', 'address', 'city', 'state', 'zip', 'country', ...ACCEPTANCE],
  tickets: ['name', 'email', 'cc'],
  ticket_replies: ['name', 'email'],
  tickets_pipe_log: ['name', 'email', 'email_to'],
  estimate_requests: ['email'],
  consents: ['ip', 'staff_name'],
  gdpr_requests: ['request_from'],
  vault: ['creator_name', 'last_updated_from'],
  activity_log: ['staffid'],
  sales_activity: ['full_name'],
  lead_activity_log: ['full_name'],
  project_activity: ['fullname'],
  projectdiscussioncomments: ['fullname'],
  notifications: ['from_fullname'],
  announcements: ['userid'],
  contract_renewals: ['renewed_by'],
  tracked_mails: ['email'],
  scheduled_emails: ['contacts', 'cc'],
  views_tracking: ['view_ip'],
  knowedge_base_article_feedback: ['ip'],
  departments: ['email'],
};

/** Whether NOTES §8 lists `column` of `table` (unprefixed) as personal data. */
export function isPerfexPiiColumn(table: string, column: string): boolean {
  const columns = Object.hasOwn(PERFEX_PII_COLUMNS, table) ? PERFEX_PII_COLUMNS[table] : undefined;
  return (columns ?? []).some((c) => (c.endsWith('*') ? column.startsWith(c.slice(0, -1)) : c === column));
}
