/**
 * The limits of the security pipeline, with the defaults of DESIGN.md. Stored as the `security`
 * setting in the local store (validated here) and overridable by the composition root.
 */
import { z } from 'zod';

export const securityOptionsSchema = z.strictObject({
  /** Largest accepted request body (413 above). */
  maxBodyBytes: z.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
  /** Deepest accepted JSON nesting of a body (400 above). */
  maxJsonDepth: z.number().int().min(1).max(100).default(10),
  /** Longest accepted query string in bytes (400 above). */
  maxQueryBytes: z.number().int().min(256).max(1024 * 1024).default(8 * 1024),
  /** Requests per minute from one address, before authentication (429 above). */
  ipRequestsPerMinute: z.number().int().min(1).default(6000),
  /** Failed authentications per minute from one address before it is throttled (slows token guessing). */
  ipAuthFailuresPerMinute: z.number().int().min(1).default(30),
  /** Statements running longer are cancelled by the database (503). MariaDB/MySQL only. */
  statementTimeoutMs: z.number().int().min(1).max(3_600_000).default(10_000),
  /** Allowed clock difference of a signed request's `X-Timestamp`, in seconds. */
  hmacWindowSeconds: z.number().int().min(10).max(3600).default(300),
  /** Audit log retention. */
  auditMaxDays: z.number().int().min(1).default(30),
  auditMaxRows: z.number().int().min(1000).default(200_000),
});

export type SecurityOptions = z.infer<typeof securityOptionsSchema>;

export const DEFAULT_SECURITY_OPTIONS: SecurityOptions = Object.freeze(securityOptionsSchema.parse({}));

/** Defaults overlaid with stored and given values; bad stored values are reported, not ignored. */
export function resolveSecurityOptions(...layers: readonly (Partial<SecurityOptions> | undefined)[]): SecurityOptions {
  const merged = Object.assign({}, ...layers.filter((l) => l !== undefined));
  const parsed = securityOptionsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid security setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}`);
  }
  return Object.freeze(parsed.data);
}
