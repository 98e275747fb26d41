/**
 * What kind of personal data a column holds, decided once per catalog field from its name (the
 * catalog's `pii` flag says *whether* a column is personal data; NOTES.md §8 and
 * `catalog/pii-name-patterns.ts` decide that). The kind picks a fake of the same shape, so a
 * randomised answer still reads like the real one: a company stays a company, a phone keeps its
 * format, an email stays a valid address.
 */
import type { Field } from '../catalog/catalog.ts';
import { nameWords } from '../catalog/sensitive-name-patterns.ts';

export const PII_KINDS = [
  'company',
  'first-name',
  'last-name',
  'full-name',
  'job-title',
  'email',
  'phone',
  'street',
  'city',
  'state',
  'zip',
  'country',
  'vat',
  'ip',
  'website',
  'username',
  'coordinate',
  'file',
  'text',
  'generic',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Words that name the kind wherever they appear in a column name (`billing_city`, `acceptance_email`). */
const WORD_KINDS: ReadonlyMap<string, PiiKind> = new Map<string, PiiKind>([
  ['company', 'company'],
  ['email', 'email'],
  ['cc', 'email'],
  ['phone', 'phone'],
  ['phonenumber', 'phone'],
  ['mobile', 'phone'],
  ['telephone', 'phone'],
  ['fax', 'phone'],
  ['firstname', 'first-name'],
  ['middlename', 'first-name'],
  ['lastname', 'last-name'],
  ['surname', 'last-name'],
  ['fullname', 'full-name'],
  ['title', 'job-title'],
  ['address', 'street'],
  ['street', 'street'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['zipcode', 'zip'],
  ['postcode', 'zip'],
  ['country', 'country'],
  ['vat', 'vat'],
  ['ip', 'ip'],
  ['ipaddress', 'ip'],
  ['website', 'website'],
  ['url', 'website'],
  ['domain', 'website'],
  ['skype', 'username'],
  ['facebook', 'username'],
  ['linkedin', 'username'],
  ['twitter', 'username'],
  ['latitude', 'coordinate'],
  ['longitude', 'coordinate'],
  ['image', 'file'],
  ['file', 'file'],
  ['description', 'text'],
  ['notes', 'text'],
  ['note', 'text'],
  ['message', 'text'],
  ['content', 'text'],
  ['signature', 'text'],
  ['comment', 'text'],
  ['details', 'text'],
]);

/** Two-word names: `first_name`, `postal_code`. */
const PAIR_KINDS: ReadonlyMap<string, PiiKind> = new Map<string, PiiKind>([
  ['first_name', 'first-name'],
  ['middle_name', 'first-name'],
  ['last_name', 'last-name'],
  ['full_name', 'full-name'],
  ['postal_code', 'zip'],
  ['zip_code', 'zip'],
  ['ip_address', 'ip'],
  ['phone_number', 'phone'],
  ['email_to', 'email'],
]);

/**
 * Perfex columns that hold a person's name under another word: who renewed a contract, who asked
 * for a GDPR export, the staff member an activity row names (`staffid` there is text).
 */
const PERSON_WORDS = new Set(['name', 'by', 'from', 'to', 'staffid', 'userid', 'creator']);

/** The kind of a column's personal data, from its name alone. */
export function piiKindOfName(column: string): PiiKind {
  const words = nameWords(column);
  for (const [i, word] of words.entries()) {
    const pair = PAIR_KINDS.get(`${word}_${words[i + 1] ?? ''}`);
    if (pair !== undefined) return pair;
  }
  // The last word decides first (`email_signature` is text, `company_phone` a phone), then any word.
  for (const word of [...words].reverse()) {
    const kind = WORD_KINDS.get(word);
    if (kind !== undefined) return kind;
  }
  // `deleted_customer_name` names a company, `staff_name`/`renewed_by`/`proposal_to` a person.
  if (words.includes('customer') || words.includes('client')) return 'company';
  if (words.some((w) => PERSON_WORDS.has(w))) return 'full-name';
  return 'generic';
}

const kinds = new WeakMap<Field, PiiKind | null>();

/**
 * The kind of `field`'s values when they are to be randomised, or null when they are shown as they
 * are: not personal data, or not text (numbers, ids, dates and enums keep their value and type, so
 * `clients.country`, a country id, is untouched). Cached per catalog field (fields are frozen).
 */
export function piiKindOf(field: Field): PiiKind | null {
  let kind = kinds.get(field);
  if (kind === undefined) {
    kind = field.pii && field.type === 'string' ? piiKindOfName(field.name) : null;
    kinds.set(field, kind);
  }
  return kind;
}
