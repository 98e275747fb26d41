/**
 * What every resolver of one GraphQL request shares: the engine, the caller's rights, the catalog's
 * GraphQL names, the limits, the stage timer, the row count for the audit log, and the batch
 * loaders (one per field of the query, so every row of a level shares one statement).
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Catalog } from '../catalog/catalog.ts';
import type { Access } from '../engine/access.ts';
import type { Engine } from '../engine/engine.ts';
import type { PiiRandomiser } from '../pii/pii-randomiser.ts';
import { StageTimer } from '../engine/stage-timer.ts';
import type { CatalogNames } from './graphql-names.ts';
import type { GraphqlOptions } from './graphql-options.ts';

export interface GraphqlContext {
  readonly engine: Engine;
  /** The catalog the request's schema was built from (an engine may be reloaded meanwhile). */
  readonly catalog: Catalog;
  readonly access: Access;
  readonly names: CatalogNames;
  readonly options: GraphqlOptions;
  readonly timer: StageTimer;
  readonly requestId: string;
  /** Show personal data as fakes (sandbox tokens, the explorer's PII mode): applied by every column resolver. */
  readonly pii?: PiiRandomiser | undefined;
  /** Rows returned or changed, for the audit log. */
  rows: number;
  /**
   * A value made once per field of the query (created on first use) and shared by every row of the
   * level: the field's batch loader and its parsed arguments.
   */
  perField<V>(info: GraphQLResolveInfo, variant: string, create: () => V): V;
}

export function createGraphqlContext(fields: Omit<GraphqlContext, 'rows' | 'perField' | 'timer'>): GraphqlContext {
  const values = new WeakMap<FieldNode, Map<string, unknown>>();
  return {
    ...fields,
    timer: new StageTimer(),
    rows: 0,
    perField<V>(info: GraphQLResolveInfo, variant: string, create: () => V): V {
      const node = info.fieldNodes[0] as FieldNode;
      let byVariant = values.get(node);
      if (byVariant === undefined) values.set(node, (byVariant = new Map()));
      const key = `${info.parentType.name}:${variant}`;
      if (!byVariant.has(key)) byVariant.set(key, create());
      return byVariant.get(key) as V;
    },
  };
}
