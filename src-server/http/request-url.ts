/** The absolute URL of a request, for HATEOAS links and `Location`. */
import type { Request } from 'express';

export function requestUrl(req: Request): URL {
  const host = req.get('host') ?? 'localhost';
  try {
    return new URL(req.originalUrl, `${req.protocol}://${host}`);
  } catch {
    // A Host header that is not a valid authority must not break the request; links use localhost.
    return new URL(req.originalUrl, 'http://localhost');
  }
}

/** `http://host:port/api/v1` for the request's host. */
export function apiBase(req: Request): string {
  const url = requestUrl(req);
  return `${url.origin}/api/v1`;
}
