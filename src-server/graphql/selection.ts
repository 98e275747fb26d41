/**
 * What a field's selection asks of a resource: the sub-fields chosen for one object type
 * (fragments expanded, @skip/@include applied), and from them the columns to read: the selected
 * columns, the keys of selected relations, and the primary key.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  isAbstractType,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Field } from '../catalog/catalog.ts';
import type { ResourceNames } from './graphql-names.ts';

type SelectionInfo = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

function included(info: SelectionInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function applies(info: SelectionInfo, condition: string | undefined, typeName: string): boolean {
  if (condition === undefined || condition === typeName) return true;
  const abstract = info.schema.getType(condition);
  const concrete = info.schema.getType(typeName);
  return abstract !== undefined && concrete !== undefined && isAbstractType(abstract) && 'getFields' in concrete
    ? info.schema.isSubType(abstract, concrete as never)
    : false;
}

function collect(
  info: SelectionInfo,
  set: SelectionSetNode,
  typeName: string,
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === 'Field') {
      out.push(selection);
    } else if (selection.kind === 'InlineFragment') {
      if (applies(info, selection.typeCondition?.name.value, typeName))
        collect(info, selection.selectionSet, typeName, out, seen);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment === undefined || seen.has(fragment.name.value)) continue;
      if (!applies(info, fragment.typeCondition.name.value, typeName)) continue;
      collect(info, fragment.selectionSet, typeName, out, new Set([...seen, fragment.name.value]));
    }
  }
}

/** The fields selected on `typeName` under `nodes` (the field nodes of one response key). */
export function subfields(info: SelectionInfo, nodes: readonly FieldNode[], typeName: string): FieldNode[] {
  const out: FieldNode[] = [];
  for (const node of nodes)
    if (node.selectionSet !== undefined) collect(info, node.selectionSet, typeName, out, new Set());
  return out;
}

/** The columns to read for rows of `names.resource` selected by `nodes`. */
export function selectedFields(info: SelectionInfo, names: ResourceNames, nodes: readonly FieldNode[]): Field[] {
  const resource = names.resource;
  const wanted = new Set<string>(resource.primaryKey);
  for (const node of subfields(info, nodes, names.type)) {
    const member = names.members.get(node.name.value);
    if (member === undefined) continue;
    if (member.kind === 'column') {
      wanted.add(member.field.name);
    } else {
      wanted.add(member.relation.localColumn);
      if (member.relation.polymorphic !== null) wanted.add(member.relation.polymorphic.typeColumn);
    }
  }
  const fields = resource.fields.filter((f) => wanted.has(f.name));
  // `{ __typename }` alone on a keyless table still needs one column for a valid SELECT.
  return fields.length > 0 ? fields : resource.fields.slice(0, 1);
}
