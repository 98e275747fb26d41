/**
 * `Prefer` (RFC 7240): `return=minimal` (no body after a write) and `tx=rollback` (run the write,
 * answer, keep nothing: PostgREST's dry run). Unknown preferences are ignored, as §2 asks; the ones
 * honoured are echoed in `Preference-Applied`.
 */
import type { Request } from 'express';

export interface Preferences {
  readonly minimal: boolean;
  readonly rollback: boolean;
}

export function readPreferences(req: Request): Preferences {
  const tokens = (req.get('prefer') ?? '').split(/[,;]/).map((t) =>
    t
      .trim()
      .toLowerCase()
      .replace(/\s*=\s*/, '='),
  );
  return { minimal: tokens.includes('return=minimal'), rollback: tokens.includes('tx=rollback') };
}

/** `Preference-Applied` for what was honoured, or null. */
export function appliedPreferences(p: Preferences): string | null {
  const applied = [p.minimal ? 'return=minimal' : null, p.rollback ? 'tx=rollback' : null].filter((x) => x !== null);
  return applied.length === 0 ? null : applied.join(', ');
}
