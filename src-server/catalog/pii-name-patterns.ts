/**
 * Names of text columns that hold personal data in tables the Perfex knowledge does not cover
 * (GDPR Art. 4(1) "personal data": name, contact details, location, online identifiers such as an
 * IP address). Whole words only, as for sensitive names: `email` and `acceptance_email` match,
 * `invoice_emails` (a 0/1 opt-in) and `email_verified_at` (a time) do not.
 */
import { nameWords } from './sensitive-name-patterns.ts';

/** Single words that are personal data wherever they appear in a name. */
const PII_WORDS = new Set([
  'email',
  'phone',
  'phonenumber',
  'mobile',
  'telephone',
  'fax',
  'firstname',
  'lastname',
  'fullname',
  'surname',
  'middlename',
  'address',
  'street',
  'city',
  'zip',
  'zipcode',
  'postcode',
  'vat',
  'ip',
  'ipaddress',
  'skype',
  'facebook',
  'linkedin',
  'twitter',
  'latitude',
  'longitude',
  'birthday',
  'birthdate',
  'dob',
  'ssn',
  'passport',
  'iban',
]);
/** Two-word names: `first_name`, `postal_code`, `date_of_birth` (joined without the `of`). */
const PII_PAIRS = new Set([
  'first_name',
  'last_name',
  'full_name',
  'middle_name',
  'postal_code',
  'zip_code',
  'date_birth',
  'national_id',
  'ip_address',
  'phone_number',
]);
/** As in sensitive-name-patterns: a time, a flag or a template about personal data is not personal data. */
const METADATA_LAST_WORDS = new Set([
  'at',
  'date',
  'time',
  'on',
  'verified',
  'sent',
  'count',
  'enabled',
  'type',
  'format',
  'template',
  'subject',
  'body',
  'headers',
  'notifications',
]);
const FLAG_FIRST_WORDS = new Set(['is', 'has', 'show', 'hide', 'notify', 'allow', 'send', 'include']);

/** Whether a text column's name says it holds personal data. */
export function matchPiiName(column: string): boolean {
  const words = nameWords(column).filter((w) => w !== 'of');
  if (words.length === 0 || FLAG_FIRST_WORDS.has(words[0] ?? '')) return false;
  if (words.length > 1 && METADATA_LAST_WORDS.has(words.at(-1) ?? '')) return false;
  for (const [i, word] of words.entries()) {
    if (PII_WORDS.has(word) || (word.endsWith('email') && word.length > 5)) return true;
    const next = words[i + 1];
    if (next !== undefined && PII_PAIRS.has(`${word}_${next}`)) return true;
  }
  return false;
}
