/** Which columns are never exposed (NOTES.md §6 + name patterns), and which are personal data (§8). */
import { describe, expect, it } from 'vitest';
import { findSensitiveColumn } from '../../src-server/catalog/find-sensitive-column.ts';
import { isPerfexPiiColumn } from '../../src-server/catalog/perfex-knowledge/perfex-pii-columns.ts';
import { matchPiiName } from '../../src-server/catalog/pii-name-patterns.ts';
import { matchSensitiveName } from '../../src-server/catalog/sensitive-name-patterns.ts';

describe('findSensitiveColumn: the Perfex list (tables without prefix)', () => {
  it.each([
    ['tickets', 'ticketkey', 'public ticket access key', true],
    ['invoices', 'hash', 'public access token (md5 hash): opens the document without login', true],
    ['staff', 'password', 'password hash', false],
    ['staff', 'two_factor_auth_enabled', 'two-factor setting of the account', false],
    ['staff', 'last_ip', 'last login IP address', false],
    ['contacts', 'email_verification_sent_at', 'e-mail verification send time', false],
    ['departments', 'host', 'IMAP host for ticket piping', false],
    ['files', 'attachment_key', 'public download key', true],
    ['web_to_lead', 'form_key', 'public form key', true],
    ['invoicepaymentrecords', 'transactionid', 'payment-gateway transaction id', false],
  ])('%s.%s is sensitive (%s)', (table, column, detail, randomToken) => {
    expect(findSensitiveColumn(table, column)).toEqual({ detail, randomToken, source: 'perfex' });
  });

  it('falls back to the patterns for tables it does not know', () => {
    expect(findSensitiveColumn('mymodule_accounts', 'api_key')).toMatchObject({ source: 'pattern', randomToken: true });
    expect(findSensitiveColumn('mymodule_accounts', 'password')).toMatchObject({
      source: 'pattern',
      randomToken: false,
    });
    expect(findSensitiveColumn('constructor', 'toString')).toBeNull();
  });

  it.each([
    ['items', 'description'],
    ['customfields', 'slug'],
    ['invoices', 'total'],
    ['clients', 'company'],
    ['staff', 'email'],
    ['staff', 'last_password_change'],
  ])('%s.%s is not sensitive', (table, column) => {
    expect(findSensitiveColumn(table, column)).toBeNull();
  });
});

describe('matchSensitiveName: names in tables the knowledge does not cover', () => {
  it.each([
    'password',
    'passwd',
    'pwd',
    'password_hash',
    'smtp_password',
    'userPassword',
    'new_pass_key',
    'pass',
    'hash',
    'md5hash',
    'token',
    'access_token',
    'refresh_token',
    'authtoken',
    'remember_token',
    'secret',
    'client_secret',
    'google_auth_secret',
    'webhook_secret',
    'secretkey',
    'key',
    'key_id',
    'api_key',
    'apikey',
    'apiKey',
    'form_key',
    'attachment_key',
    'ticketkey',
    'license_key',
    'private_key',
    'salt',
    '2fa',
    'two_factor_auth_code',
    'twofactor_secret',
    'otp',
    'totp_seed',
    'mfa',
    'auth_code',
    'verification_code',
    'credentials',
    'cvv',
    'card_number',
  ])('%s is sensitive', (name) => {
    expect(matchSensitiveName(name)).not.toBeNull();
  });

  it.each([
    'monkey',
    'turkey',
    'hockey',
    'keyword',
    'keyboard',
    'hashtag',
    'hashtags',
    'description',
    'slug',
    'compass',
    'bypass',
    'passed',
    'passenger',
    'secretary',
    'tokenizer',
    'meta_key',
    'description_key',
    'sort_key',
    'language_key',
    'country_code',
    'zip_code',
    'is_private',
    'private',
    'has_password',
    'password_changed_at',
    'last_password_change',
    'token_expires_at',
    'email',
    'name',
    'total',
    'hash_type',
  ])('%s is not sensitive', (name) => {
    expect(matchSensitiveName(name)).toBeNull();
  });

  it("hides a session store's data column, and only there", () => {
    expect(matchSensitiveName('data', 'ci_sessions')).toMatchObject({ kind: 'session' });
    expect(matchSensitiveName('data', 'reports')).toBeNull();
  });
});

describe('personal data', () => {
  it('follows NOTES §8 for Perfex tables, prefixes included', () => {
    expect(isPerfexPiiColumn('clients', 'billing_street')).toBe(true);
    expect(isPerfexPiiColumn('contacts', 'firstname')).toBe(true);
    expect(isPerfexPiiColumn('leads', 'name')).toBe(true);
    expect(isPerfexPiiColumn('items', 'name')).toBe(false);
    expect(isPerfexPiiColumn('constructor', 'name')).toBe(false);
  });

  it.each([
    'email',
    'acceptance_email',
    'phonenumber',
    'phone',
    'first_name',
    'lastname',
    'address',
    'billing_address',
    'city',
    'zip',
    'vat',
    'ip',
    'view_ip',
    'ip_address',
    'skype',
    'date_of_birth',
  ])('%s is personal data', (name) => expect(matchPiiName(name)).toBe(true));

  it.each([
    'invoice_emails',
    'email_verified_at',
    'notify_by_email',
    'name',
    'description',
    'zipper',
    'ipsum',
    'city_count',
    'email_template',
  ])('%s is not', (name) => expect(matchPiiName(name)).toBe(false));
});
