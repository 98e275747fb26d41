/**
 * Stage 3, auth: `Authorization: Bearer pas_…` → the token, then its expiry, its IP allow-list and,
 * when it requires one, the request signature. Failures are 401 with `WWW-Authenticate` (RFC 6750)
 * or 403 for an address outside the allow-list.
 *
 * The Studio explorer's calls carry the launch's explorer secret in `X-PAS-Explorer`, from a loopback
 * peer only. With a bearer token the call is that token in every respect (rights, origins, limits);
 * without one it is the Studio itself (`STUDIO_EXPLORER`). Either way the pipeline traces it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SCOPES } from '../engine/access.ts';
import { Problem } from '../errors/problem.ts';
import { EXPLORER_HEADER } from '../explorer/explorer-headers.ts';
import { ReplayGuard, verifySignature } from './hmac.ts';
import { createIpAllowList } from '../store/ip-allow-list.ts';
import { isLoopback } from './client-address.ts';
import type { PipelineState } from './pipeline-state.ts';
import type { SecurityOptions } from './security-options.ts';
import type { AuthToken, TokenDirectory } from './token-directory.ts';

const REALM = 'Bearer realm="perfex-api-studio"';


/**
 * The Studio explorer calling without a token: every scope and right, which `accessFromGrants`
 * resolves to exactly `whitelistAccess` (no token can exceed the whitelist, nor can the Studio).
 * Its id is a fixed marker rather than null: null in the audit log means "no valid credential", and
 * the Studio's calls should be found (`token=studio`) and named, not mixed with refused strangers.
 * Real token ids are `tok_…`, so the marker cannot collide with one. No rate limit applies to it.
 */
export const STUDIO_EXPLORER: AuthToken = Object.freeze({
  id: 'studio',
  name: 'Studio explorer',
  expiresAt: null,
  grants: Object.freeze({ scopes: [...SCOPES], read: '*', create: '*', update: '*', delete: '*' }),
  origins: [],
  ipAllow: [],
  rateLimit: Number.MAX_SAFE_INTEGER,
  hmac: false,
}) as AuthToken;

export interface Authentication {
  readonly token: AuthToken;
  /** The Studio explorer made this call (valid secret from a loopback peer): trace it. */
  readonly explorer: boolean;
}

/** SHA-256 first, so the comparison takes the same time whatever the length of the guess. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface Authenticator {
  authenticate(req: IncomingMessage, res: ServerResponse, state: PipelineState): Authentication;
}

/** `explorerSecret`: this launch's explorer secret; without it the explorer header is refused like any other. */
export function createAuthenticator(tokens: TokenDirectory, options: SecurityOptions, now: () => number = Date.now, explorerSecret?: string): Authenticator {
  const replay = new ReplayGuard(options.hmacWindowSeconds * 1000);
  // Built once per token and allow-list (the admin API can change a token's list while it is in use).
  const allowLists = new Map<string, { key: string; allows: (ip: string) => boolean }>();

  function allowListOf(token: AuthToken): (ip: string) => boolean {
    const key = token.ipAllow.join(',');
    const cached = allowLists.get(token.id);
    if (cached?.key === key) return cached.allows;
    const allows = createIpAllowList(token.ipAllow);
    allowLists.set(token.id, { key, allows });
    return allows;
  }

  function refuse(res: ServerResponse, problem: Problem, error?: string): never {
    res.setHeader('WWW-Authenticate', error === undefined ? REALM : `${REALM}, error="${error}"`);
    throw problem;
  }

  /** Whether this is the explorer's call; refuses a wrong secret (a failed guess) and any non-loopback peer. */
  function explorerCall(req: IncomingMessage, res: ServerResponse, state: PipelineState): boolean {
    const claimed = header(req, EXPLORER_HEADER);
    if (claimed === undefined) return false;
    if (!isLoopback(state.ip)) throw new Problem('PAS630', `the explorer header came from ${state.ip}, which is not this machine`);
    if (explorerSecret === undefined || !sameSecret(claimed, explorerSecret)) {
      refuse(res, new Problem('PAS302', "the explorer credential is not this launch's"), 'invalid_token');
    }
    return true;
  }

  /** The bearer token and its checks. */
  function authenticateToken(req: IncomingMessage, res: ServerResponse, state: PipelineState, authorization: string | undefined): AuthToken {
    if (authorization === undefined || authorization.trim() === '') {
      if (tokens.liveCount() === 0) refuse(res, new Problem('PAS314', 'no API token has been created yet, so the data API accepts no calls'));
      refuse(res, new Problem('PAS301', 'the request has no Authorization header'));
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null) {
      refuse(res, new Problem('PAS302', 'the Authorization header must be `Bearer pas_…`'), 'invalid_request');
    }
    const token = tokens.findBySecret(match[1] ?? '');
    if (token === undefined) refuse(res, new Problem('PAS302', 'the token is unknown or revoked'), 'invalid_token');
    if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now()) {
      refuse(res, new Problem('PAS303', `the token \`${token.name}\` expired at ${token.expiresAt}`), 'invalid_token');
    }
    if (!allowListOf(token)(state.ip)) {
      throw new Problem('PAS304', `the token \`${token.name}\` does not accept calls from ${state.ip}`);
    }
    if (token.hmac) {
      const secret = tokens.hmacSecret(token.id);
      if (secret === null) throw new Problem('PAS306', 'the token requires signatures but has no signing secret; create it again');
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      try {
        verifySignature(
          {
            method: req.method ?? 'GET',
            path: (req as { originalUrl?: string }).originalUrl?.split('?')[0] ?? (q >= 0 ? url.slice(0, q) : url),
            search: q >= 0 ? url.slice(q + 1) : '',
            body: state.rawBody,
            timestamp: header(req, 'x-timestamp'),
            signature: header(req, 'x-signature'),
          },
          secret,
          options.hmacWindowSeconds,
          replay,
          now(),
        );
      } catch (error) {
        if (error instanceof Problem) refuse(res, error, 'invalid_token');
        throw error;
      }
    }
    return token;
  }

  return {
    authenticate(req, res, state) {
      const explorer = explorerCall(req, res, state);
      const authorization = header(req, 'authorization');
      if (explorer && (authorization === undefined || authorization.trim() === '')) return { token: STUDIO_EXPLORER, explorer };
      return { token: authenticateToken(req, res, state, authorization), explorer };
    },
  };
}
