/**
 * Admin request bodies validated with zod, refused the same way by every admin router: one problem
 * whose `errors` hold the field path, a code and zod's message for each issue (never the value sent,
 * which may be a password), and "did you mean" for a misspelt member.
 */
import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import { Problem, type FieldError } from '../../errors/problem.ts';
import type { ProblemCode } from '../../errors/problem-catalogue.ts';
import { StoreInputError } from '../../store/store-errors.ts';

function codeOf(issue: z.core.$ZodIssue): FieldError['code'] {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'required' : 'type';
    case 'unrecognized_keys':
      return 'unknown';
    case 'invalid_value':
      return 'enum';
    case 'too_big':
    case 'too_small':
      return 'length';
    default:
      return 'format';
  }
}

/** zod issues as the `errors` member of a problem; unknown members get a "did you mean" among `knownKeys`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[] = []): FieldError[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code !== 'unrecognized_keys') return [{ field: at === '' ? '(body)' : at, code: codeOf(issue), message: issue.message }];
    return issue.keys.map((key) => ({
      field: at === '' ? key : `${at}.${key}`,
      code: 'unknown' as const,
      message: knownKeys.length > 0 ? `unknown member; did you mean "${closest(key, [...knownKeys])}"?` : 'unknown member',
    }));
  });
}

export interface BodyRefusal {
  readonly code: ProblemCode;
  /** The problem's detail, given the errors (e.g. to list them, or to quote the first). */
  readonly detail: (errors: readonly FieldError[]) => string;
  readonly hint?: string;
  /** Members the schema knows, for "did you mean". */
  readonly knownKeys?: readonly string[];
}

/** The body as `schema` reads it (an absent body is `{}`), or the refusal as a problem. */
export function parseAdminBody<T>(schema: z.ZodType<T>, body: unknown, refusal: BodyRefusal): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const errors = fieldErrors(parsed.error.issues, refusal.knownKeys);
  throw new Problem(refusal.code, refusal.detail(errors), { errors, ...(refusal.hint === undefined ? {} : { hint: refusal.hint }) });
}

/** "the <what> is not valid: <first issue>", the usual detail. */
export const notValid =
  (what: string) =>
  (errors: readonly FieldError[]): string =>
    `the ${what} is not valid: ${errors[0]?.message ?? 'invalid value'}`;

/** Runs a store write; the store's own refusal of a value (`StoreInputError`) becomes a PAS401 problem on its field. */
export function storeInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreInputError) {
      throw new Problem('PAS401', error.message, { errors: [{ field: error.field, code: 'format', message: error.message }] });
    }
    throw error;
  }
}
