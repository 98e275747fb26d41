/**
 * What to offer while a query parameter is typed: keys (`fields`, `filter[<column>.<operator>]`,
 * `sort`, `include`…), columns and relations of the current resource (walking to-one/to-many
 * relations for `filter[client.country]`), operators, and list values (`sort=-total`, `include=payments`,
 * `aggregate=sum:total`). Everything comes from GET /explorer/endpoints, so the list follows the whitelist.
 */
import type { ExplorerEndpoints, ResourceEndpoints } from '../../../src-shared/admin-api.ts';

export interface Suggestion {
  /** Replaces the typed text. */
  readonly value: string;
  readonly detail: string;
  /** More to type after it (`filter[`, `filter[client.`): the list stays open. */
  readonly partial: boolean;
}

export interface SuggestContext {
  readonly endpoints: ExplorerEndpoints;
  readonly resource: ResourceEndpoints | null;
}

const DEFAULT_PARAMETERS = ['fields', 'filter', 'sort', 'include', 'page', 'per_page', 'aggregate', 'group_by', 'having', 'where', 'has', 'limit'];
/** Keys written `name[…]`: their suffix is a column path or a relation. */
const BRACKETED = new Set(['filter', 'has', 'limit', 'having']);
const RELATION_KEYS = new Set(['has', 'limit', 'fields', 'sort']);
const MAX = 100;

function rank(items: readonly Suggestion[], typed: string): Suggestion[] {
  const t = typed.toLowerCase();
  const starts = items.filter((s) => s.value.toLowerCase().startsWith(t));
  const contains = items.filter((s) => !s.value.toLowerCase().startsWith(t) && s.value.toLowerCase().includes(t.slice(t.lastIndexOf('[') + 1)));
  return [...starts, ...contains].filter((s) => s.value !== typed).slice(0, MAX);
}

function resourceNamed(ctx: SuggestContext, name: string | null): ResourceEndpoints | null {
  return ctx.endpoints.resources.find((r) => r.resource === name) ?? null;
}

function fieldDetail(field: ResourceEndpoints['fields'][number]): string {
  return field.pii ? `${field.type} · PII` : field.type;
}

function parameterDescriptions(ctx: SuggestContext): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of ctx.endpoints.parameters) {
    const name = p.name.replace(/\[.*$/, '');
    if (!map.has(name)) map.set(name, p.description);
  }
  if (map.size === 0) for (const name of DEFAULT_PARAMETERS) map.set(name, '');
  map.set('filter', map.get('filter') ?? 'filter[column]=value or filter[column.operator]=value');
  return map;
}

/**
 * `filter[` + inner text: walk relations, then a column, then an operator (typed after `column.`).
 * A name can be both a column and a relation (`client.country`): after it, both operators and the
 * related columns are offered, as the server reads the last segment as an operator when it is one.
 */
function filterSuggestions(ctx: SuggestContext, key: string, inner: string): Suggestion[] {
  const segments = inner.split('.');
  segments.pop();
  let resource = ctx.resource;
  let prefix = '';
  const operators: Suggestion[] = [];
  for (const [i, segment] of segments.entries()) {
    if (resource === null) return operators;
    const field = resource.fields.find((f) => f.name === segment);
    if (field !== undefined && i === segments.length - 1)
      operators.push(...ctx.endpoints.operators.map((op) => ({ value: `${key}[${prefix}${segment}.${op.name}]`, detail: op.description, partial: false })));
    const relation = resource.relations.find((r) => r.name === segment);
    if (relation === undefined) return operators;
    resource = resourceNamed(ctx, relation.target);
    prefix += `${segment}.`;
  }
  if (resource === null) return operators;
  return [
    ...operators,
    ...resource.fields.map((f) => ({ value: `${key}[${prefix}${f.name}]`, detail: fieldDetail(f), partial: false })),
    ...resource.relations.map((r) => ({ value: `${key}[${prefix}${r.name}.`, detail: `${r.kind} → ${r.target ?? 'polymorphic'}`, partial: true })),
  ];
}

/** Suggestions for a parameter key being typed. */
export function suggestKeys(typed: string, ctx: SuggestContext): Suggestion[] {
  const bracket = typed.indexOf('[');
  if (bracket < 0) {
    const items: Suggestion[] = [];
    for (const [name, description] of parameterDescriptions(ctx)) {
      if (BRACKETED.has(name) || RELATION_KEYS.has(name)) items.push({ value: `${name}[`, detail: description, partial: true });
      if (!BRACKETED.has(name)) items.push({ value: name, detail: description, partial: false });
    }
    return rank(items, typed);
  }
  const key = typed.slice(0, bracket);
  const inner = typed.slice(bracket + 1).replace(/\]$/, '');
  if (key === 'filter' || key === 'having') return rank(filterSuggestions(ctx, key, inner), typed);
  if (RELATION_KEYS.has(key) && ctx.resource !== null) {
    const relations = ctx.resource.relations.filter((r) => key !== 'limit' || r.kind === 'to-many');
    return rank(relations.map((r) => ({ value: `${key}[${r.name}]`, detail: `${r.kind} → ${r.target ?? 'polymorphic'}`, partial: false })), typed);
  }
  return [];
}

function isNumeric(type: string): boolean {
  return /int|decimal|number|float|double/i.test(type);
}

/** Suggestions for a value: lists (`sort`, `fields`, `include`, `aggregate`, `group_by`) complete their last item. */
export function suggestValues(key: string, typed: string, ctx: SuggestContext): Suggestion[] {
  const relationKey = /^(fields|sort)\[(.+)\]$/.exec(key);
  const relation = relationKey === null ? undefined : ctx.resource?.relations.find((r) => r.name === relationKey[2]);
  const resource = relation === undefined ? ctx.resource : resourceNamed(ctx, relation.target);
  if (resource === null) return [];
  const base = relationKey === null ? key : relationKey[1];
  const head = typed.slice(0, typed.lastIndexOf(',') + 1);
  const fields = resource.fields;
  let items: { value: string; detail: string }[] = [];
  if (base === 'fields' || base === 'group_by') items = fields.map((f) => ({ value: f.name, detail: fieldDetail(f) }));
  else if (base === 'sort') items = fields.flatMap((f) => [{ value: f.name, detail: 'ascending' }, { value: `-${f.name}`, detail: 'descending' }]);
  else if (base === 'include') items = resource.relations.map((r) => ({ value: r.name, detail: `${r.kind} → ${r.target ?? 'polymorphic'}` }));
  else if (base === 'aggregate')
    items = [
      { value: 'count', detail: 'rows per group' },
      ...fields.filter((f) => isNumeric(f.type)).flatMap((f) => ['sum', 'avg', 'min', 'max'].map((fn) => ({ value: `${fn}:${f.name}`, detail: `${fn} of ${f.type}` }))),
    ];
  return rank(
    items.map((i) => ({ value: head + i.value, detail: i.detail, partial: false })),
    typed,
  );
}

/** REST paths of the whitelist for the path part of the URL input. */
export function suggestPaths(typed: string, ctx: SuggestContext): Suggestion[] {
  const items = ctx.endpoints.resources.flatMap((r) =>
    r.endpoints.filter((e) => !e.path.includes('{')).map((e) => ({ value: e.path, detail: `${r.resource} · ${r.fields.length} fields`, partial: false })),
  );
  const unique = [...new Map(items.map((i) => [i.value, i])).values()];
  return rank(unique, typed);
}
