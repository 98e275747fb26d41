/**
 * Column names that hold credentials in tables the Perfex knowledge does not cover (modules, other
 * apps). Every rule works on whole words of the name (split on `_`, `-` and camelCase), so `hash`
 * and `password_hash` match and `hashtag` does not; `form_key` and `ticketkey` match and `monkey`
 * does not. Erring on the side of hiding: a hidden column can be shown again by renaming nothing,
 * but a leaked token cannot be taken back (OWASP API3:2023 "Broken Object Property Level Authorization").
 */

/** What kind of secret a name suggests; tokens may be generated on create, passwords never. */
export type SensitiveKind = 'password' | 'token' | 'secret' | 'key' | 'one-time code' | 'payment card' | 'session';

export interface SensitiveNameMatch {
  readonly kind: SensitiveKind;
  readonly detail: string;
}

/** Last words that make the column a fact about a secret (when, whether, how many), not the secret. */
const METADATA_LAST_WORDS = new Set([
  'at',
  'date',
  'datetime',
  'time',
  'timestamp',
  'on',
  'requested',
  'sent',
  'expires',
  'expiry',
  'expiration',
  'enabled',
  'changed',
  'change',
  'count',
  'attempts',
  'type',
  'length',
  'updated',
  'created',
]);
/** First words of booleans: `is_private`, `has_password`. */
const FLAG_FIRST_WORDS = new Set(['is', 'has', 'use', 'uses', 'require', 'requires', 'allow', 'show']);

/** A `…_key` that names a lookup or translation key, not a credential: `meta_key`, `description_key`. */
const BENIGN_KEY_QUALIFIERS = new Set([
  'meta',
  'sort',
  'option',
  'options',
  'setting',
  'settings',
  'config',
  'description',
  'lang',
  'language',
  'translation',
  'i18n',
  'label',
  'group',
  'type',
  'name',
  'lookup',
  'cache',
  'foreign',
  'primary',
  'unique',
  'index',
  'idempotency',
  'partition',
  'shard',
  'map',
  'object',
  'storage',
  'field',
  'column',
  'menu',
  'route',
  'widget',
  'public',
]);
/** One-word `…key` names that are credentials: `apikey`, `ticketkey`, `passkey`, `formkey`. */
const KEY_PREFIXES = [
  'api',
  'ticket',
  'auth',
  'secret',
  'private',
  'access',
  'license',
  'licence',
  'purchase',
  'activation',
  'encryption',
  'signing',
  'session',
  'form',
  'attachment',
  'pass',
  'verification',
  'reset',
  'unlock',
  'master',
  'client',
  'app',
  'consumer',
  'webhook',
  'crypt',
  'download',
  'share',
  'login',
];
/** Words before `code` that make it a one-time code: `auth_code`, `two_factor_auth_code`, `reset_code`. */
const CODE_QUALIFIERS = new Set([
  'auth',
  'verification',
  'verify',
  'reset',
  'otp',
  'activation',
  'confirmation',
  'confirm',
  'recovery',
  'backup',
  'security',
  'sms',
]);

/** Splits `two_factor_authCode` into ['two', 'factor', 'auth', 'code']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function wordRule(words: readonly string[]): SensitiveNameMatch | null {
  for (const [i, word] of words.entries()) {
    const before = i > 0 ? words[i - 1] : undefined;
    if (/^(password|passwd|passwort|pwd|pass|passphrase|passcode)s?$/.test(word) || word.endsWith('password')) {
      return { kind: 'password', detail: 'password or password hash' };
    }
    if (word === 'salt') return { kind: 'password', detail: 'password salt' };
    if (word.endsWith('hash')) return { kind: 'token', detail: 'hash (password hash or access token)' };
    if (/tokens?$/.test(word)) return { kind: 'token', detail: 'access token' };
    if (word.endsWith('secret') || /^secret(key|token)s?$/.test(word)) return { kind: 'secret', detail: 'secret' };
    if (/^keys?$/.test(word) && (before === undefined || !BENIGN_KEY_QUALIFIERS.has(before))) {
      return { kind: 'key', detail: 'access key' };
    }
    if (KEY_PREFIXES.some((p) => word === `${p}key` || word === `${p}keys`))
      return { kind: 'key', detail: 'access key' };
    if (/^(2fa|mfa|totp|hotp|otp)$/.test(word))
      return { kind: 'one-time code', detail: 'two-factor secret or one-time code' };
    if (word === 'code' && before !== undefined && CODE_QUALIFIERS.has(before))
      return { kind: 'one-time code', detail: 'one-time code' };
    if (word === 'authcode' || word === 'otpcode') return { kind: 'one-time code', detail: 'one-time code' };
    if (word.startsWith('credential')) return { kind: 'secret', detail: 'credentials' };
    if (/^(cvv|cvc|cvv2|cardnumber|ccnumber)$/.test(word)) return { kind: 'payment card', detail: 'payment card data' };
    if (word === 'number' && (before === 'card' || before === 'cc'))
      return { kind: 'payment card', detail: 'payment card data' };
  }
  return null;
}

/**
 * The kind of secret a column name suggests, or null. `table` lets session stores be recognised:
 * their `data` column holds the whole login state (CodeIgniter's `ci_sessions` layout).
 */
export function matchSensitiveName(column: string, table = ''): SensitiveNameMatch | null {
  const words = nameWords(column);
  if (words.length === 0) return null;
  if (/session/i.test(table) && /^(data|payload|session_data)$/i.test(column))
    return { kind: 'session', detail: 'session data' };
  const joined = words.join('_');
  if (FLAG_FIRST_WORDS.has(words[0] ?? '') || (words.length > 1 && METADATA_LAST_WORDS.has(words.at(-1) ?? '')))
    return null;
  if (/(^|_)two_?factor(_|$)/.test(joined) || joined.includes('twofactor')) {
    return { kind: 'one-time code', detail: 'two-factor secret or one-time code' };
  }
  // `private` alone is usually a flag; `private_key`, `private_token` are secrets.
  if (words[0] === 'private' && words.length > 1) return { kind: 'secret', detail: 'private key or secret' };
  return wordRule(words);
}
