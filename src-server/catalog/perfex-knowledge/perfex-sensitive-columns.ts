/**
 * Perfex columns that are never exposed: credentials, secrets and access tokens, from
 * `perfex/NOTES.md` §6 ("Sensitive columns — hide or redact by default"). Keyed by table name
 * without the prefix, since the prefix is configurable (`APP_DB_PREFIX`).
 */

export interface SensitiveColumn {
  /** Shown in the Studio next to the hidden column. */
  readonly detail: string;
  /**
   * Perfex fills these NOT NULL tokens itself with `app_generate_hash()` (32 hex characters) on
   * create; the API does the same so a create through it still works.
   */
  readonly randomToken?: boolean;
}

const PUBLIC_HASH: SensitiveColumn = {
  detail: 'public access token (md5 hash): opens the document without login',
  randomToken: true,
};
const SHORT_LINK: SensitiveColumn = { detail: 'public short link to the document' };
const SIGNATURE: SensitiveColumn = { detail: 'file name of the drawn signature image' };
const RESET_KEY: SensitiveColumn = { detail: 'password-reset token' };
const RESET_TIME: SensitiveColumn = { detail: 'password-reset request time' };
const PASSWORD_HASH: SensitiveColumn = { detail: 'password hash' };

export const PERFEX_SENSITIVE_COLUMNS: Readonly<Record<string, Readonly<Record<string, SensitiveColumn>>>> = {
  staff: {
    password: PASSWORD_HASH,
    new_pass_key: RESET_KEY,
    new_pass_key_requested: RESET_TIME,
    two_factor_auth_code: { detail: 'e-mail two-factor one-time code' },
    two_factor_auth_code_requested: { detail: 'two-factor code request time' },
    two_factor_auth_enabled: { detail: 'two-factor setting of the account' },
    google_auth_secret: { detail: 'TOTP (Google Authenticator) secret' },
    last_ip: { detail: 'last login IP address' },
    media_path_slug: { detail: 'internal media path' },
  },
  contacts: {
    password: PASSWORD_HASH,
    new_pass_key: RESET_KEY,
    new_pass_key_requested: RESET_TIME,
    email_verification_key: { detail: 'e-mail verification token' },
    email_verification_sent_at: { detail: 'e-mail verification send time' },
  },
  user_auto_login: {
    key_id: { detail: '"remember me" login token' },
    user_id: { detail: 'owner of a "remember me" login token' },
    last_ip: { detail: 'IP address of a "remember me" login' },
    user_agent: { detail: 'browser of a "remember me" login' },
  },
  sessions: {
    id: { detail: 'session id (a login credential)' },
    data: { detail: 'session data' },
    ip_address: { detail: 'session IP address' },
  },
  departments: {
    password: { detail: 'IMAP password (encrypted) for ticket piping' },
    imap_username: { detail: 'IMAP user name for ticket piping' },
    host: { detail: 'IMAP host for ticket piping' },
  },
  leads_email_integration: {
    password: { detail: 'IMAP password (encrypted) for lead import' },
    email: { detail: 'IMAP mailbox for lead import' },
    imap_server: { detail: 'IMAP server for lead import' },
  },
  vault: {
    password: { detail: 'stored credential (encrypted password)' },
    username: { detail: 'stored credential (user name)' },
    server_address: { detail: 'stored credential (server address)' },
    port: { detail: 'stored credential (port)' },
  },
  options: {
    // NOTES §6: tbloptions rows hold SMTP passwords, API keys and gateway secrets in `value`.
    value: { detail: 'setting values, including SMTP passwords and API secrets' },
  },
  invoices: {
    hash: PUBLIC_HASH,
    token: { detail: 'payment-gateway token' },
    short_link: SHORT_LINK,
  },
  estimates: { hash: PUBLIC_HASH, short_link: SHORT_LINK, signature: SIGNATURE },
  proposals: { hash: PUBLIC_HASH, short_link: SHORT_LINK, signature: SIGNATURE },
  contracts: { hash: PUBLIC_HASH, short_link: SHORT_LINK, signature: SIGNATURE },
  subscriptions: {
    hash: PUBLIC_HASH,
    stripe_subscription_id: { detail: 'Stripe subscription id' },
    stripe_plan_id: { detail: 'Stripe plan id' },
    stripe_tax_id: { detail: 'Stripe tax id' },
    stripe_tax_id_2: { detail: 'Stripe tax id' },
  },
  leads: { hash: { detail: 'public lead / GDPR link token', randomToken: true } },
  tickets: { ticketkey: { detail: 'public ticket access key', randomToken: true } },
  files: { attachment_key: { detail: 'public download key', randomToken: true } },
  invoicepaymentrecords: { transactionid: { detail: 'payment-gateway transaction id' } },
  clients: { stripe_id: { detail: 'Stripe customer id' } },
  web_to_lead: { form_key: { detail: 'public form key', randomToken: true } },
  estimate_request_forms: { form_key: { detail: 'public form key', randomToken: true } },
  tracked_mails: { uid: { detail: 'e-mail open-tracking pixel id', randomToken: true } },
  mail_queue: {
    email: { detail: 'queued e-mail recipient' },
    cc: { detail: 'queued e-mail recipients' },
    bcc: { detail: 'queued e-mail recipients' },
    message: { detail: 'queued e-mail body (may contain document links with their tokens)' },
    alt_message: { detail: 'queued e-mail body (may contain document links with their tokens)' },
    headers: { detail: 'queued e-mail headers' },
    attachments: { detail: 'queued e-mail attachments' },
  },
  // The REST API module (NOTES §10), when installed next to Perfex.
  user_api: { token: { detail: 'API token of the Perfex REST API module' } },
  api_webhooks: { secret: { detail: 'webhook signing secret' } },
  api_usage_logs: { api_key: { detail: 'API key of the Perfex REST API module' } },
};

/** Tables that hold nothing but secrets (NOTES §6): never exposed unless a table entry asks for it. */
export const PERFEX_SECRET_TABLES: readonly string[] = ['sessions', 'user_auto_login', 'options', 'vault'];
