/**
 * Stage 3, auth: `Authorization: Bearer pas_…` → the token, then its expiry, its IP allow-list and,
 * when it requires one, the request signature. Failures are 401 with `WWW-Authenticate` (RFC 6750)
 * or 403 for an address outside the allow-list.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Problem } from '../errors/problem.ts';
import { ReplayGuard, verifySignature } from './hmac.ts';
import { createIpAllowList } from '../store/ip-allow-list.ts';
import type { PipelineState } from './pipeline-state.ts';
import type { SecurityOptions } from './security-options.ts';
import type { AuthToken, TokenDirectory } from './token-directory.ts';

const REALM = 'Bearer realm="perfex-api-studio"';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface Authenticator {
  authenticate(req: IncomingMessage, res: ServerResponse, state: PipelineState): AuthToken;
}

export function createAuthenticator(tokens: TokenDirectory, options: SecurityOptions, now: () => number = Date.now): Authenticator {
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

  return {
    authenticate(req, res, state) {
      const authorization = header(req, 'authorization');
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
    },
  };
}
