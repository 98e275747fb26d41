/**
 * Guards the Studio and its admin API, which must never be reachable off-machine even when the data
 * API is shared on the LAN: the peer must be a loopback address, the `Host` header must name the
 * loopback (so a DNS-rebinding page on evil.example cannot talk to us through the browser), and every
 * call must carry this launch's random admin session token (header or the cookie set by `/?token=`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Problem } from '../../errors/problem.ts';
import { clientAddress, isLoopback } from '../../security/client-address.ts';

export const ADMIN_COOKIE = 'pas_admin_session';
export const ADMIN_HEADER = 'x-pas-admin-token';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host part of a Host header (`localhost:4780` → `localhost`, `[::1]:4780` → `[::1]`). */
export function hostName(host: string | undefined): string {
  if (host === undefined) return '';
  const bracket = host.startsWith('[') ? host.indexOf(']') : -1;
  if (bracket > 0) return host.slice(0, bracket + 1).toLowerCase();
  return (host.split(':')[0] ?? '').toLowerCase();
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Loopback peer and loopback Host: the checks that need no secret (the Studio page itself). */
export function requireLocal(req: Request): void {
  if (!isLoopback(clientAddress(req))) {
    throw new Problem('PAS115', `no route ${req.method} ${req.originalUrl.split('?')[0]}`, {
      hint: 'The Studio and its admin API answer only on this machine (127.0.0.1); the data API is under /api/v1.',
    });
  }
  if (!LOOPBACK_HOSTS.has(hostName(req.headers.host))) {
    throw new Problem('PAS315', `the Studio only answers to Host 127.0.0.1 or localhost, not ${String(req.headers.host).slice(0, 100)}`);
  }
}

export function createAdminGuard(sessionToken: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    requireLocal(req);
    const given = (req.headers[ADMIN_HEADER] as string | undefined) ?? cookieValue(req, ADMIN_COOKIE);
    if (!sameSecret(given, sessionToken)) {
      throw new Problem('PAS316', 'the admin API needs this launch\'s admin session token');
    }
    next();
  };
}
