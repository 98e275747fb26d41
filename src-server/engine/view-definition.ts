/**
 * A saved view: a named list request (resource + the REST query parameters: fields, filters,
 * include, aggregate, group_by, sort…) with typed parameters and defaults, run as
 * `GET /api/v1/views/{name}?from=…`. Parameters are placeholders in the query's values, `:name` at
 * the start of a value or after a comma (`filter[date.between]=:from,:to`), so `group_by=date:month`
 * is left alone. A parameter's text becomes a filter value that the list parser types by its column
 * and binds: never SQL.
 */
import { z } from 'zod';
import { Problem } from '../errors/problem.ts';
import { normaliseDate, normaliseDateTime } from '../parse/parse-value.ts';

export const VIEW_PARAM_TYPES = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
/** Query parameters a caller of the view controls; a definition cannot fix them. */
export const CALLER_PARAMETERS = ['page', 'per_page', 'count', 'format'] as const;

const paramName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (a letter first)');

const viewParam = z.strictObject({
  type: z.enum(VIEW_PARAM_TYPES),
  default: z.union([z.string().max(200), z.number(), z.boolean()]).optional(),
  description: z.string().max(500).optional(),
});

export const viewDefinitionSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _ (a letter first), at most 64'),
    description: z.string().max(1000).optional(),
    resource: z.string().min(1).max(64),
    query: z.record(z.string().max(200), z.union([z.string().max(2000), z.array(z.string().max(2000)).max(50)])),
    params: z.record(paramName, viewParam).optional(),
  })
  .superRefine((view, ctx) => {
    for (const key of Object.keys(view.query)) {
      if ((CALLER_PARAMETERS as readonly string[]).includes(key) || (view.params !== undefined && key in view.params)) {
        ctx.addIssue({
          code: 'custom',
          path: ['query', key],
          message: `\`${key}\` is given by the caller of the view, not by its definition`,
        });
      }
    }
  });

export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;
export type ViewParam = z.infer<typeof viewParam>;

/** Validates the shape of a view (its query is checked against the catalog when run or saved with an engine). */
export function parseViewDefinition(input: unknown): ViewDefinition {
  const parsed = viewDefinitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Problem(
    'PAS132',
    `the view definition is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(view)'}: ${i.message}`).join('; ')}`,
    {
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(view)',
        code: 'format' as const,
        message: issue.message,
      })),
    },
  );
}

function typed(name: string, param: ViewParam, raw: string): string {
  const bad = (expected: string): Problem =>
    new Problem('PAS131', `view parameter \`${name}\`: \`${raw.slice(0, 40)}\` is not ${expected}`, {
      hint: `give ${name}=<${param.type}>`,
    });
  switch (param.type) {
    case 'integer':
      if (!/^[+-]?\d{1,18}$/.test(raw)) throw bad('an integer');
      return raw;
    case 'number':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw)) throw bad('a number');
      return raw;
    case 'date':
      if (normaliseDate(raw) === null) throw bad('a date (YYYY-MM-DD)');
      return raw;
    case 'datetime':
      if (normaliseDateTime(raw) === null) throw bad('a date-time (YYYY-MM-DDTHH:MM:SS)');
      return raw;
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad('true or false');
      return raw;
    default:
      if (raw.length > 200) throw bad('at most 200 characters');
      return raw;
  }
}

const PLACEHOLDER = /(^|,):([a-z][a-z0-9_]*)/g;

/**
 * The list parameters of one run of `view`: its query with the caller's parameter values (or the
 * defaults) in place, plus the caller's page/per_page/count/format. Unknown or missing parameters
 * are refused.
 */
export function bindView(view: ViewDefinition, caller: URLSearchParams): URLSearchParams {
  const declared = view.params ?? {};
  for (const key of new Set(caller.keys())) {
    if (key in declared || (CALLER_PARAMETERS as readonly string[]).includes(key)) continue;
    throw new Problem('PAS110', `the view \`${view.name}\` has no parameter \`${key.slice(0, 40)}\``, {
      hint: `its parameters: ${[...Object.keys(declared), ...CALLER_PARAMETERS].join(', ')}`,
    });
  }
  const values = new Map<string, string>();
  for (const [name, param] of Object.entries(declared)) {
    const given = caller.getAll(name);
    if (given.length > 1) throw new Problem('PAS131', `view parameter \`${name}\` is given ${given.length} times`);
    const raw = given[0] ?? (param.default === undefined ? undefined : String(param.default));
    if (raw === undefined)
      throw new Problem('PAS131', `the view \`${view.name}\` needs the parameter \`${name}\` (${param.type})`, {
        hint: `add ?${name}=…`,
      });
    values.set(name, typed(name, param, raw));
  }
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(view.query)) {
    for (const text of Array.isArray(value) ? value : [value]) {
      out.append(
        key,
        text.replace(PLACEHOLDER, (whole, lead: string, name: string) =>
          values.has(name) ? `${lead}${values.get(name)}` : whole,
        ),
      );
    }
  }
  for (const key of CALLER_PARAMETERS) for (const value of caller.getAll(key)) out.append(key, value);
  return out;
}
