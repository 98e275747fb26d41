/** RFC 9457 problem details, raised by any stage and serialised by the HTTP layer. */
import { PROBLEMS, type ProblemCode } from './problem-catalogue.ts';

/** One per-field error of a 422 body validation (`errors[]` extension member). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
  readonly code: 'required' | 'unknown' | 'not-writable' | 'type' | 'length' | 'range' | 'format' | 'null' | 'enum';
}

export interface ProblemOptions {
  readonly hint?: string;
  readonly errors?: readonly FieldError[];
  /** Extra extension members (e.g. `allowed` operations). */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly hint: string | undefined;
  readonly errors: readonly FieldError[] | undefined;
  readonly extra: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ProblemCode, detail: string, options: ProblemOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    const def = PROBLEMS[code];
    this.name = 'Problem';
    this.code = code;
    this.status = def.status;
    this.title = def.title;
    this.detail = detail;
    this.hint = options.hint;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

/** Relative `type` URI: resolved against the server, it lands on the error's entry in /api_docs. */
export function problemType(code: ProblemCode): string {
  return `/api_docs/errors#${PROBLEMS[code].slug}`;
}

/** The JSON body (`application/problem+json`) of a problem answering the request at `instance`. */
export function problemBody(problem: Problem, instance: string): Record<string, unknown> {
  return {
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    code: problem.code,
    hint: problem.hint ?? PROBLEMS[problem.code].hint,
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
    ...problem.extra,
  };
}
