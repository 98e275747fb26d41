/**
 * Base62 (digits, then A–Z, then a–z: `0-9A-Za-z`), the alphabet GitHub and Stripe use for tokens:
 * no punctuation, so a token survives double-click selection, URLs, shells and YAML unquoted.
 * The bytes are read as one big-endian number and written with a fixed number of digits (left
 * padded with `0`), so every token of a kind has the same length.
 */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Digits needed for `bytes` bytes: ceil(8·bytes / log2 62), e.g. 43 for 32 bytes. */
export function base62Length(bytes: number): number {
  return Math.ceil((8 * bytes) / Math.log2(62));
}

/** `bytes` as base62, left-padded to `base62Length(bytes.length)` digits. */
export function toBase62(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE62_ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out.padStart(base62Length(bytes.length), '0');
}
