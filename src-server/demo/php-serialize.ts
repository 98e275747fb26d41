/**
 * PHP `serialize()` for the few shapes Perfex stores in text columns
 * (`tblinvoices.allowed_payment_modes`, `tblroles.permissions`, `tblprojects.notify_contacts`).
 */

/** Values phpSerialize accepts. */
export type PhpValue = string | number | readonly PhpValue[] | { readonly [key: string]: PhpValue };

function serializeKey(key: string | number): string {
  return typeof key === 'number' ? `i:${key};` : `s:${Buffer.byteLength(key)}:"${key}";`;
}

/** The PHP serialization of `value` (lists become arrays with keys 0..n-1). */
export function phpSerialize(value: PhpValue): string {
  if (typeof value === 'string') return `s:${Buffer.byteLength(value)}:"${value}";`;
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
  const entries: [string | number, PhpValue][] = Array.isArray(value)
    ? (value as readonly PhpValue[]).map((v, i) => [i, v])
    : Object.entries(value);
  return `a:${entries.length}:{${entries.map(([k, v]) => serializeKey(k) + phpSerialize(v)).join('')}}`;
}
