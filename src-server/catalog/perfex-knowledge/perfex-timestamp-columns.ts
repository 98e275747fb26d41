/**
 * Creation and last-modification columns of Perfex tables, from `perfex/NOTES.md` §7. Perfex writes
 * them from PHP (`date('Y-m-d H:i:s')`, app timezone), not from a database default, so a create
 * through the API must fill the creation column itself. Keyed by table name without the prefix.
 */

export const PERFEX_CREATED_COLUMNS: Readonly<Record<string, string>> = {
  clients: 'datecreated',
  contacts: 'datecreated',
  staff: 'datecreated',
  invoices: 'datecreated',
  invoicepaymentrecords: 'daterecorded',
  estimates: 'datecreated',
  proposals: 'datecreated',
  creditnotes: 'datecreated',
  creditnote_refunds: 'created_at',
  credits: 'date_applied',
  subscriptions: 'created',
  expenses: 'dateadded',
  contracts: 'dateadded',
  contract_renewals: 'date_renewed',
  // A date without time: Perfex stores the day the project was created.
  projects: 'project_created',
  milestones: 'datecreated',
  tasks: 'dateadded',
  task_comments: 'dateadded',
  task_checklist_items: 'dateadded',
  files: 'dateadded',
  project_files: 'dateadded',
  project_activity: 'dateadded',
  project_notes: 'dateadded',
  contract_comments: 'dateadded',
  proposal_comments: 'dateadded',
  notes: 'dateadded',
  todos: 'dateadded',
  announcements: 'dateadded',
  ticket_attachments: 'dateadded',
  lead_integration_emails: 'dateadded',
  web_to_lead: 'dateadded',
  estimate_request_forms: 'dateadded',
  newsfeed_post_comments: 'dateadded',
  leads: 'dateadded',
  tickets: 'date',
  ticket_replies: 'date',
  knowledge_base: 'datecreated',
  newsfeed_posts: 'datecreated',
  projectdiscussions: 'datecreated',
  projectdiscussioncomments: 'created',
  consent_purposes: 'date_created',
  vault: 'date_created',
  estimate_requests: 'date_added',
  gdpr_requests: 'request_date',
  payment_attempts: 'created_at',
  twocheckout_log: 'created_at',
  activity_log: 'date',
  sales_activity: 'date',
  lead_activity_log: 'date',
  notifications: 'date',
  consents: 'date',
  tracked_mails: 'date',
  views_tracking: 'date',
  mail_queue: 'date',
  tickets_pipe_log: 'date',
  knowedge_base_article_feedback: 'date',
  newsfeed_post_likes: 'dateliked',
  newsfeed_comment_likes: 'dateliked',
};

/**
 * Tables whose `date`-like column is NOT the creation time, so the naming heuristic must not pick
 * one: `tblreminders.date` is when to remind, `tblevents.start` when the event starts, and
 * `tblcustomer_admins.date_assigned` is a datetime kept as text.
 */
export const PERFEX_NO_CREATED_COLUMN: readonly string[] = [
  'reminders',
  'events',
  'customer_admins',
  'scheduled_emails',
  'user_auto_login',
];

/** The few real "last modified" columns (NOTES §7); `last_activity`-style columns are not modifications. */
export const PERFEX_UPDATED_COLUMNS: Readonly<Record<string, string>> = {
  consent_purposes: 'last_updated',
  vault: 'last_updated',
  projectdiscussioncomments: 'modified',
  user_auto_login: 'last_login',
};
