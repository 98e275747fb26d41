/**
 * Perfex columns whose names look like references but are not, so no heuristic may link them
 * (NOTES.md §1 and §11). Keyed by table name without the prefix.
 */
export const PERFEX_NON_FK_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  // Strings: a staff member's full name, `[CRON]`, or NULL (§1).
  activity_log: ['staffid'],
  announcements: ['userid'],
  sales_activity: ['staffid'],
  // The IMAP message number of the imported e-mail (§3.4).
  lead_integration_emails: ['emailid'],
  // longtext (§11).
  form_question_box_description: ['boxid'],
  // 1/0 flags that choose between staff and contacts for the conditional `user_id`/`userid` (§4, "flag-based").
  user_auto_login: ['staff'],
  dismissed_announcements: ['staff'],
};

/** Whether `table.column` (unprefixed table) is known not to be a reference. */
export function isPerfexNonFk(table: string, column: string): boolean {
  const columns = Object.hasOwn(PERFEX_NON_FK_COLUMNS, table) ? PERFEX_NON_FK_COLUMNS[table] : undefined;
  return columns?.includes(column) ?? false;
}
