/**
 * serialize: a row with its included relations, recursively: to-one as an object (or null, also
 * when the key is Perfex's 0), to-many as an array, polymorphic as the row of whichever resource the
 * type column names. Only the fields asked for are written; key columns read for the joins are not.
 */
import type { Catalog, Field, Resource } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import type { Embeds } from '../engine/load-includes.ts';
import type { IncludeNode } from '../parse/list-request.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { serializeRow } from './serialize-row.ts';

function polymorphicTarget(catalog: Catalog, node: IncludeNode, parent: Row): Resource | undefined {
  const poly = node.relation.polymorphic;
  if (poly === null) return undefined;
  const target = poly.targets.find((t) => t.typeValue === String(parent[poly.typeColumn] ?? ''));
  return target === undefined ? undefined : catalog.byName.get(target.resource);
}

/** `row` as JSON with exactly `fields`, plus one member per included relation (each with its own resource's PII fields). */
export function serializeEmbedded(
  catalog: Catalog,
  fields: readonly Field[],
  row: Row,
  nodes: readonly IncludeNode[],
  embeds: Embeds,
  pii?: PiiRandomiser,
): Record<string, unknown> {
  const out = serializeRow(fields, row, pii);
  const members = embeds.get(row);
  for (const node of nodes) {
    const value = members?.get(node.name) ?? null;
    if (node.relation.polymorphic !== null) {
      const target = polymorphicTarget(catalog, node, row);
      out[node.name] =
        value === null || Array.isArray(value) || target === undefined ? null : serializeRow(target.fields, value, pii);
      continue;
    }
    const target = node.target as Resource;
    const childFields = node.fields ?? target.fields;
    const one = (child: Row): Record<string, unknown> =>
      serializeEmbedded(catalog, childFields, child, node.children, embeds, pii);
    if (node.relation.kind === 'to-many') out[node.name] = Array.isArray(value) ? value.map(one) : [];
    else out[node.name] = value === null || Array.isArray(value) ? null : one(value);
  }
  return out;
}
