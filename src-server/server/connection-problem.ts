/**
 * Why a database could not be opened, as a problem a person can act on: which host and port refused,
 * whether the user/password or the database name is wrong, whether TLS is the issue. Used by the
 * connection test and by a switch's job. The password is never part of any message.
 */
import { ConnectionError } from '../db/connect.ts';
import { Problem } from '../errors/problem.ts';

/** Where a MySQL/MariaDB connection was aimed (no password). */
export interface ConnectionAim {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  readonly tls: boolean;
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The driver error under a `ConnectionError` (node's AggregateError carries one per address tried). */
function rootCause(error: unknown): { code?: string; errno?: number; message?: string } {
  let e = error instanceof ConnectionError && error.cause !== undefined ? error.cause : error;
  const inner = (e as { errors?: unknown[] }).errors;
  if ((e as { code?: string }).code === undefined && Array.isArray(inner) && inner.length > 0) e = inner[0];
  return (e ?? {}) as { code?: string; errno?: number; message?: string };
}

/** The problem for a failed connect to `aim`; `null` when the error is not a connection failure. */
export function connectionProblem(error: unknown, aim: ConnectionAim): Problem | null {
  const e = rootCause(error);
  const where = `${aim.host}:${aim.port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return new Problem('PAS613', `connection refused by ${where}`, {
        hint: `Nothing accepts connections at ${where}: is MariaDB/MySQL running, and listening on port ${aim.port} (bind-address, port in my.cnf)?`,
        cause: error,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Problem('PAS614', `the host name "${aim.host}" does not resolve`, { hint: 'Check the host name for typos, or use its IP address.', cause: error });
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new Problem('PAS614', `no answer from ${where} within 5 s`, {
        hint: `Check the host and port; a firewall may drop connections to port ${aim.port}, or the server may only listen on 127.0.0.1.`,
        cause: error,
      });
    case 'ER_ACCESS_DENIED_ERROR':
      return new Problem('PAS615', `${where} refused user "${aim.user}" with this password`, {
        hint: `Check the user and password${aim.tls ? '' : '; if this user must connect over TLS, tick TLS'}. The user must also be allowed to connect from this machine (its host part in mysql.user).`,
        cause: error,
      });
    case 'ER_DBACCESS_DENIED_ERROR':
      return new Problem('PAS615', `user "${aim.user}" may not use database "${aim.database}" on ${where}`, {
        hint: `Grant it: GRANT SELECT, INSERT, UPDATE, DELETE ON \`${aim.database}\`.* TO '${aim.user}'@'…'; or use another user.`,
        cause: error,
      });
    case 'ER_BAD_DB_ERROR':
      return new Problem('PAS616', `database "${aim.database}" does not exist on ${where}`, {
        hint: 'Check the database name (case-sensitive on Linux servers), or create it first.',
        cause: error,
      });
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return new Problem('PAS617', `${where} does not offer TLS`, { hint: 'Untick TLS, or enable TLS on the server (ssl_cert, ssl_key in my.cnf).', cause: error });
    case 'ER_SECURE_TRANSPORT_REQUIRED':
      return new Problem('PAS617', `${where} requires a secure (TLS) connection`, { hint: 'Tick TLS.', cause: error });
    default:
      if (e.code !== undefined && CERTIFICATE_CODES.has(e.code)) {
        return new Problem('PAS617', `the TLS certificate of ${where} is not trusted (${e.code})`, {
          hint: 'The server needs a certificate from a trusted authority for this host name; self-signed certificates are refused.',
          cause: error,
        });
      }
      if (error instanceof ConnectionError) {
        return new Problem('PAS618', `cannot connect to ${where}: ${String(e.message ?? error.message).slice(0, 300)}`, { cause: error });
      }
      return null;
  }
}
