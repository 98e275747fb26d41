/**
 * Builds each GraphQL type of one schema once, on first use, so types that refer to each other
 * (Invoice.client → Client.invoices → Invoice) share instances. A registry is made per catalog and
 * permission set: a type exists only for resources the caller can read, and a field pointing to an
 * unreadable resource is not there at all.
 */
import type {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLUnionType,
} from 'graphql';
import type { Catalog, Relation } from '../catalog/catalog.ts';
import { canUse, type Access } from '../engine/access.ts';
import { aggregateType, groupByEnum } from './aggregate-types.ts';
import type { CatalogNames, ResourceNames } from './graphql-names.ts';
import { createInputType, filterType, orderByType, updateInputType } from './input-types.ts';
import { mutationResultType } from './mutation-fields.ts';
import { objectType, polymorphicUnion } from './object-types.ts';

export interface SchemaScope {
  readonly catalog: Catalog;
  readonly names: CatalogNames;
  readonly access: Access;
}

export class TypeRegistry {
  private readonly types = new Map<string, GraphQLNamedType | null>();

  constructor(readonly scope: SchemaScope) {}

  /** The names of a resource the caller can read, else null. */
  readable(resource: string | null): ResourceNames | null {
    if (resource === null || !canUse(this.scope.access, resource, 'read')) return null;
    return this.scope.names.byResource.get(resource) ?? null;
  }

  private once<T extends GraphQLNamedType | null>(name: string, make: () => T): T {
    if (!this.types.has(name)) this.types.set(name, make());
    return this.types.get(name) as T;
  }

  object(names: ResourceNames): GraphQLObjectType {
    return this.once(names.type, () => objectType(this, names));
  }

  union(names: ResourceNames, relation: Relation, field: string): GraphQLUnionType | null {
    return this.once(`${names.type}.${field}`, () => polymorphicUnion(this, names, relation, field));
  }

  filter(names: ResourceNames): GraphQLInputObjectType {
    return this.once(`${names.type}Filter`, () => filterType(this, names));
  }

  orderBy(names: ResourceNames): GraphQLInputObjectType | null {
    return this.once(`${names.type}OrderBy`, () => orderByType(this, names));
  }

  aggregate(names: ResourceNames): GraphQLObjectType {
    return this.once(`${names.type}Aggregate`, () => aggregateType(names));
  }

  groupBy(names: ResourceNames): GraphQLEnumType | null {
    return this.once(`${names.type}GroupBy`, () => groupByEnum(names));
  }

  createInput(names: ResourceNames): GraphQLInputObjectType | null {
    return this.once(`${names.type}CreateInput`, () => createInputType(names));
  }

  updateInput(names: ResourceNames): GraphQLInputObjectType | null {
    return this.once(`${names.type}UpdateInput`, () => updateInputType(names));
  }

  mutationResult(names: ResourceNames): GraphQLObjectType {
    return this.once(`${names.type}MutationResult`, () => mutationResultType(this, names));
  }
}
