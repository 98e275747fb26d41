/**
 * The create-token form as plain data, and its translation to the admin API's `TokenInput`.
 * Validation stays on the server (one set of rules with the CLI); this only shapes what was typed.
 */
import type { Scope, TokenInput } from '../../../src-shared/admin-api.ts';
import { EMPTY_GRANTS, grantsWrites, type GrantMatrix } from './grant-matrix-state.ts';

export const SCOPES: readonly { readonly id: Scope; readonly help: string }[] = [
  { id: 'rest', help: 'REST resources under /api/v1' },
  { id: 'graphql', help: '/api/v1/graphql' },
  { id: 'views', help: 'saved views under /api/v1/views' },
  { id: 'write', help: 'create, update and delete (with the rights below)' },
];

export interface TokenDraft {
  readonly name: string;
  readonly scopes: readonly Scope[];
  readonly grants: GrantMatrix;
  /** One origin per line (or comma separated). */
  readonly origins: string;
  /** One IP or CIDR per line (or comma separated). */
  readonly ipAllow: string;
  /** `YYYY-MM-DD` from the date input, '' = never. */
  readonly expires: string;
  readonly rateLimit: string;
  readonly hmac: boolean;
  readonly sandbox: boolean;
}

export const EMPTY_DRAFT: TokenDraft = {
  name: '',
  scopes: ['rest', 'graphql', 'views'],
  grants: EMPTY_GRANTS,
  origins: '',
  ipAllow: '',
  expires: '',
  rateLimit: '600',
  hmac: false,
  sandbox: false,
};

function lines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Granting a write adds the `write` scope once, as a user granting "create" obviously means it. */
export function withGrants(draft: TokenDraft, grants: GrantMatrix): TokenDraft {
  const addWrite = grantsWrites(grants) && !grantsWrites(draft.grants) && !draft.scopes.includes('write');
  return { ...draft, grants, scopes: addWrite ? [...draft.scopes, 'write'] : draft.scopes };
}

/** The expiry date means "through that day" in the user's time zone. */
export function expiryOf(date: string): string | null {
  if (date === '') return null;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? date : end.toISOString();
}

export function toTokenInput(draft: TokenDraft): TokenInput {
  return {
    name: draft.name,
    scopes: draft.scopes,
    read: draft.grants.read,
    create: draft.grants.create,
    update: draft.grants.update,
    delete: draft.grants.delete,
    expiresAt: expiryOf(draft.expires),
    origins: lines(draft.origins),
    ipAllow: lines(draft.ipAllow),
    // A non-number goes as null, so the server's refusal names the field.
    ...(draft.rateLimit.trim() === '' ? {} : { rateLimit: Number(draft.rateLimit) }),
    hmac: draft.hmac,
    // Sent only when asked for, so servers without per-token sandboxing still accept plain tokens.
    ...(draft.sandbox ? { sandbox: true } : {}),
  };
}
