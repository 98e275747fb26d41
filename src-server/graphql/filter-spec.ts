/**
 * The fields of a resource's filter and orderBy input types, and what each stands for:
 *   status: 2                  → eq (null → is_null, as REST's where= JSON)
 *   total_gte: 1000            → gte           duedate_lt: "2026-04-01" → lt
 *   client: { country: 243 }   → a to-one relation (REST's filter[client.country])
 *   and / or / not             → nesting
 * Operators follow REST's list; ordering operators are offered on ordered columns and pattern
 * operators on text columns only, so the schema documents what makes sense for each column.
 */
import type { Field, Relation, Resource } from '../catalog/catalog.ts';
import type { FilterOperator } from '../parse/filter-operators.ts';
import { isComparable, isOrdered, isText } from './field-types.ts';

export type FilterEntry =
  | { readonly kind: 'column'; readonly field: Field; readonly op: FilterOperator; readonly bare: boolean }
  | { readonly kind: 'relation'; readonly relation: Relation }
  | { readonly kind: 'and' }
  | { readonly kind: 'or' }
  | { readonly kind: 'not' };

export type OrderEntry =
  { readonly kind: 'column'; readonly field: Field } | { readonly kind: 'relation'; readonly relation: Relation };

const EVERY: readonly FilterOperator[] = ['eq', 'ne', 'in', 'not_in', 'is_null'];
const ORDERED: readonly FilterOperator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const TEXT: readonly FilterOperator[] = ['like', 'not_like', 'contains', 'starts_with', 'ends_with'];

/** The operators offered for a column, in schema order. */
export function operatorsOf(field: Field): readonly FilterOperator[] {
  if (!isComparable(field)) return [];
  return [...EVERY, ...(isOrdered(field) ? ORDERED : []), ...(isText(field) ? TEXT : [])];
}

/** To-one relations a filter or sort can follow (REST paths follow the same ones). */
export function isPathRelation(relation: Relation): boolean {
  return relation.kind === 'to-one' && relation.polymorphic === null && relation.target !== null;
}

/**
 * The filter fields of `resource`. `columnName`/`relationName` give the object type's field names,
 * so a column or relation is spelt the same in selections and filters.
 */
export function filterSpec(
  resource: Resource,
  columnName: (field: Field) => string,
  relationName: (relation: Relation) => string,
): ReadonlyMap<string, FilterEntry> {
  const spec = new Map<string, FilterEntry>([
    ['and', { kind: 'and' }],
    ['or', { kind: 'or' }],
    ['not', { kind: 'not' }],
  ]);
  const columns = resource.fields.filter((f) => isComparable(f));
  for (const field of columns) {
    const name = columnName(field);
    if (!spec.has(name)) spec.set(name, { kind: 'column', field, op: 'eq', bare: true });
  }
  for (const relation of resource.relations.filter(isPathRelation)) {
    const name = relationName(relation);
    if (!spec.has(name)) spec.set(name, { kind: 'relation', relation });
  }
  // Suffixed names come last: a real column that happens to be called `total_gte` keeps its name.
  for (const field of columns) {
    for (const op of operatorsOf(field)) {
      const name = `${columnName(field)}_${op}`;
      if (!spec.has(name)) spec.set(name, { kind: 'column', field, op, bare: false });
    }
  }
  return spec;
}

/** The orderBy fields of `resource`: comparable columns and to-one relations. */
export function orderSpec(
  resource: Resource,
  columnName: (field: Field) => string,
  relationName: (relation: Relation) => string,
): ReadonlyMap<string, OrderEntry> {
  const spec = new Map<string, OrderEntry>();
  for (const field of resource.fields.filter((f) => isComparable(f)))
    spec.set(columnName(field), { kind: 'column', field });
  for (const relation of resource.relations.filter(isPathRelation)) {
    const name = relationName(relation);
    if (!spec.has(name)) spec.set(name, { kind: 'relation', relation });
  }
  return spec;
}
