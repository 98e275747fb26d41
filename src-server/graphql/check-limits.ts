/**
 * A validation rule that measures each operation before anything runs, with the request's
 * variables: depth (PAS120), estimated rows (PAS121: each list counts as many times as its limit,
 * nested lists multiply), aliases (PAS122) and list sizes (PAS123). It also parses every list and
 * aggregate field's arguments with the resolvers' own parsers, so a bad filter is reported once,
 * located, before execution, instead of once per parent row during it.
 */
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { Problem } from '../errors/problem.ts';
import type { PasFieldExtension } from './field-args.ts';
import { limitError } from './graphql-errors.ts';
import type { GraphqlOptions } from './graphql-options.ts';
import {
  parseAggregateArgs,
  parseListArgs,
  type AggregateArgs,
  type ListArgs,
  type ParseScope,
} from './parse-list-args.ts';

/** Fields walked per operation before giving up: fragments spread inside fragments grow fast. */
const MAX_WALKED_FIELDS = 20_000;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly scope: ParseScope;
  readonly options: GraphqlOptions;
  readonly report: (problem: Problem, node: ASTNode) => void;
  depth: number;
  deepest: ASTNode | null;
  cost: number;
  aliases: number;
  walked: number;
}

function pasOf(field: GraphQLField<unknown, unknown>): PasFieldExtension | undefined {
  return (field.extensions as { pas?: PasFieldExtension }).pas;
}

/** Rows the field may produce per parent; argument problems are reported and count as 1. */
function rowsOf(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const pas = pasOf(field);
  if (pas === undefined) return 1;
  const names = walk.scope.names.byResource.get(pas.resource);
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    return 1; // invalid arguments: graphql-js's own rules or variable coercion report them
  }
  if (names === undefined) return 1;
  try {
    if (pas.rows === 'list') return parseListArgs(walk.scope, names, args as ListArgs, []).limit;
    if (pas.rows === 'aggregate') parseAggregateArgs(walk.scope, names, args as AggregateArgs, []);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    walk.report(error, node);
  }
  return 1;
}

function typeOfCondition(walk: Walk, name: string | undefined, parent: GraphQLNamedType): GraphQLNamedType | undefined {
  return name === undefined ? parent : walk.schema.getType(name);
}

function visit(
  walk: Walk,
  set: SelectionSetNode,
  parent: GraphQLNamedType,
  depth: number,
  multiplier: number,
  fragments: ReadonlySet<string>,
): void {
  for (const selection of set.selections) {
    if (++walk.walked > MAX_WALKED_FIELDS) return;
    if (selection.kind === 'InlineFragment') {
      const type = typeOfCondition(walk, selection.typeCondition?.name.value, parent);
      if (type !== undefined) visit(walk, selection.selectionSet, type, depth, multiplier, fragments);
      continue;
    }
    if (selection.kind === 'FragmentSpread') {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment === undefined || fragments.has(fragment.name.value)) continue;
      const type = typeOfCondition(walk, fragment.typeCondition.name.value, parent);
      if (type !== undefined)
        visit(walk, fragment.selectionSet, type, depth, multiplier, new Set([...fragments, fragment.name.value]));
      continue;
    }
    // Introspection (__schema, __type, __typename) reads no rows and is switched off separately.
    if (selection.name.value.startsWith('__')) continue;
    if (selection.alias !== undefined) walk.aliases++;
    const field = isObjectType(parent) ? parent.getFields()[selection.name.value] : undefined;
    if (field === undefined) continue;
    const level = depth + 1;
    if (level > walk.depth) {
      walk.depth = level;
      walk.deepest = selection;
    }
    const rows = rowsOf(walk, field as GraphQLField<unknown, unknown>, selection);
    if (pasOf(field as GraphQLField<unknown, unknown>) !== undefined) walk.cost += multiplier * rows;
    if (selection.selectionSet !== undefined) {
      visit(walk, selection.selectionSet, getNamedType(field.type), level, multiplier * rows, fragments);
    }
  }
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLNamedType | null | undefined {
  return operation.operation === 'mutation'
    ? schema.getMutationType()
    : operation.operation === 'query'
      ? schema.getQueryType()
      : null;
}

function checkOperation(
  context: ValidationContext,
  walk: Omit<Walk, 'depth' | 'deepest' | 'cost' | 'aliases' | 'walked' | 'variables'>,
  operation: OperationDefinitionNode,
  raw: Readonly<Record<string, unknown>>,
): void {
  const root = rootType(walk.schema, operation);
  if (root === null || root === undefined) return;
  const coerced = getVariableValues(walk.schema, operation.variableDefinitions ?? [], raw);
  // Variables that do not coerce fail the request at execution; measure without them meanwhile.
  const state: Walk = {
    ...walk,
    variables: coerced.coerced ?? {},
    depth: 0,
    deepest: null,
    cost: 0,
    aliases: 0,
    walked: 0,
  };
  visit(state, operation.selectionSet, root, 0, 1, new Set());
  const { options } = walk;
  if (state.walked > MAX_WALKED_FIELDS) {
    context.reportError(
      limitError(new Problem('PAS121', `the operation expands to more than ${MAX_WALKED_FIELDS} fields`), [operation]),
    );
    return;
  }
  if (state.depth > options.maxDepth && state.deepest !== null) {
    context.reportError(
      limitError(
        new Problem('PAS120', `the operation nests ${state.depth} levels deep; the limit is ${options.maxDepth}`),
        [state.deepest],
      ),
    );
  }
  if (state.aliases > options.maxAliases) {
    context.reportError(
      limitError(
        new Problem('PAS122', `the operation uses ${state.aliases} aliases; the limit is ${options.maxAliases}`),
        [operation],
      ),
    );
  }
  if (state.cost > options.maxComplexity) {
    context.reportError(
      limitError(
        new Problem(
          'PAS121',
          `the operation may read up to ${state.cost} rows (each list counted at its limit); the limit is ${options.maxComplexity}`,
        ),
        [operation],
      ),
    );
  }
}

/** The limits rule for one request (its variables are needed to know the limits asked for). */
export function limitsRule(
  scope: ParseScope,
  options: GraphqlOptions,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
    }
    const reported = new Set<string>();
    const report = (problem: Problem, node: ASTNode): void => {
      const key = `${problem.code}:${problem.detail}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.reportError(limitError(problem, [node]));
    };
    const walk = { schema: context.getSchema(), fragments, scope, options, report };
    return {
      OperationDefinition(operation) {
        checkOperation(context, walk, operation, variables ?? {});
        return false;
      },
    };
  };
}
