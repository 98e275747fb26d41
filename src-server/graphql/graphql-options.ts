/**
 * Limits and switches of the GraphQL endpoint, validated once at the edge and frozen. Every limit
 * answers with its own problem code in `extensions` (PAS120–PAS123).
 */
import type { Logger } from 'pino';
import { z } from 'zod';

export interface GraphqlOptions {
  /** Deepest field nesting of an operation (introspection fields excluded). */
  readonly maxDepth: number;
  /** Most estimated rows an operation may ask for: each list counts as many times as its limit. */
  readonly maxComplexity: number;
  /** Most aliased fields in one document. */
  readonly maxAliases: number;
  /** Largest `limit`/`perPage` of a list, and most groups an aggregate may return. */
  readonly maxListSize: number;
  /** Rows of a list without `limit`/`perPage` (REST's per_page default). */
  readonly defaultListSize: number;
  /** `__schema`/`__type` queries (GraphiQL, codegen). On by default. */
  readonly introspection: boolean;
  /** Where unexpected resolver errors are logged (with the request id); silent when absent. */
  readonly logger?: Logger;
}

export const DEFAULT_GRAPHQL_OPTIONS: GraphqlOptions = Object.freeze({
  maxDepth: 8,
  maxComplexity: 5000,
  maxAliases: 30,
  maxListSize: 500,
  defaultListSize: 25,
  introspection: true,
});

const positive = z.number().int().min(1).max(1_000_000);
const schema = z
  .object({
    maxDepth: positive,
    maxComplexity: positive,
    maxAliases: z.number().int().min(0).max(10_000),
    maxListSize: positive,
    defaultListSize: positive,
    introspection: z.boolean(),
  })
  .refine((o) => o.defaultListSize <= o.maxListSize, { message: 'defaultListSize must not exceed maxListSize' });

/** Defaults overridden by `options`; throws a readable error for an invalid value. */
export function resolveGraphqlOptions(options: Partial<GraphqlOptions> = {}): GraphqlOptions {
  const { logger, ...limits } = options;
  const merged = {
    ...DEFAULT_GRAPHQL_OPTIONS,
    ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)),
  };
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(
      `invalid GraphQL options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`,
    );
  }
  return Object.freeze({ ...parsed.data, ...(logger === undefined ? {} : { logger }) });
}
