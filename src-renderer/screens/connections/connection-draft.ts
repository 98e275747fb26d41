/**
 * The connection form's state as text fields (what inputs hold), and its conversion to the admin
 * API's bodies. Editing never pre-fills the password: it is write-only on the server, and an empty
 * password field while editing means "keep the stored one".
 */
import type { ConnectionInfo, ConnectionInput } from '../../../src-shared/admin-api.ts';

export interface ConnectionDraft {
  readonly name: string;
  readonly host: string;
  readonly port: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly prefix: string;
  readonly tls: boolean;
}

export const EMPTY_DRAFT: ConnectionDraft = { name: '', host: '127.0.0.1', port: '3306', user: '', password: '', database: '', prefix: '', tls: false };

export function draftFrom(info: ConnectionInfo): ConnectionDraft {
  return {
    name: info.name,
    host: info.host ?? '',
    port: String(info.port ?? 3306),
    user: info.user ?? '',
    password: '',
    database: info.database,
    prefix: info.prefix ?? '',
    tls: info.tls,
  };
}

/** The name used when the field is left empty: "perfex on db.example.com". */
export function defaultName(draft: ConnectionDraft): string {
  return draft.database.trim() === '' ? '' : `${draft.database.trim()} on ${draft.host.trim() || 'localhost'}`;
}

/** The body of a create, or of a test of unsaved settings. */
export function toInput(draft: ConnectionDraft): ConnectionInput {
  return {
    name: draft.name.trim() || defaultName(draft),
    host: draft.host.trim(),
    // Not a number → NaN → JSON null: the server answers with its field error for `port`.
    port: Number(draft.port),
    user: draft.user,
    password: draft.password,
    database: draft.database.trim(),
    prefix: draft.prefix.trim(),
    tls: draft.tls,
  };
}

/** The body of an edit (or of a test of a stored connection): no password = keep the stored one. */
export function toPatch(draft: ConnectionDraft): Partial<ConnectionInput> {
  const { password, ...rest } = toInput(draft);
  return password === '' ? rest : { ...rest, password };
}
