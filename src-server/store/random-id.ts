/** Record ids: a kind prefix and 13 base62 digits (72 random bits), short enough to type in `token revoke <id>`. */
import crypto from 'node:crypto';
import { toBase62 } from './base62.ts';

export function randomId(prefix: string): string {
  return `${prefix}_${toBase62(crypto.randomBytes(9))}`;
}
