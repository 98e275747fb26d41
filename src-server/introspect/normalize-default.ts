/**
 * Column defaults as one plain value on every server. MariaDB (since 10.2.7) and SQLite report the
 * default as SQL text: string literals quoted (`'INBOX'`), an explicit `DEFAULT NULL` as the word
 * `NULL`, expressions bare (`current_timestamp()`). MySQL 8 reports literals unquoted and marks
 * expressions with `DEFAULT_GENERATED` in EXTRA. Either way the catalog gets the literal unquoted,
 * null for "no default" and for `DEFAULT NULL`, and `CURRENT_TIMESTAMP` for the clock.
 */

/** Also the spellings `now()` and `localtimestamp` (MySQL "Date and Time Functions"). */
const CLOCK = /^(current_timestamp|now|localtimestamp|localtime)(\(\s*\d*\s*\))?$/i;

/** How a server reports defaults: quoted SQL text (MariaDB, SQLite) or bare values (MySQL 8). */
export type DefaultStyle = 'sql-text' | 'bare';

/** True for `(x)` but not for `(a) + (b)`: the first parenthesis closes at the very end. */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** The default as a plain literal, `CURRENT_TIMESTAMP`, another expression's text, or null. */
export function normalizeDefault(raw: unknown, style: DefaultStyle): string | null {
  if (raw === null || raw === undefined) return null;
  let text = String(raw).trim();
  // SQLite keeps the declared spelling, which may be parenthesised: DEFAULT ('x'), DEFAULT (0).
  while (style === 'sql-text' && wrappedInParentheses(text)) {
    text = text.slice(1, -1).trim();
  }
  if (CLOCK.test(text)) return 'CURRENT_TIMESTAMP';
  if (style === 'bare') return String(raw);
  if (/^null$/i.test(text)) return null;
  const quoted = /^'((?:[^']|'')*)'$/s.exec(text) ?? /^"((?:[^"]|"")*)"$/s.exec(text);
  if (quoted !== null) {
    const body = quoted[1] ?? '';
    return text.startsWith("'") ? body.replace(/''/g, "'") : body.replace(/""/g, '"');
  }
  return text;
}
