/**
 * `GET /api/v1/views/{name}`: a saved view runs as the list request it stands for, through the same
 * pipeline as `GET /api/v1/{resource}` (envelopes, pagination, formats), with the caller's rights:
 * read on the view's resource and on everything its include, has, filters and group keys reach.
 */
import { Problem } from '../errors/problem.ts';
import { didYouMean } from '../parse/suggest-name.ts';
import type { Access } from './access.ts';
import type { Engine } from './engine.ts';
import { runListRequest, type ListOptions, type ListResult } from './run-list.ts';
import type { StageTimer } from './stage-timer.ts';
import { bindView, type ViewDefinition } from './view-definition.ts';

/** Where views come from (the local store's views repository). */
export interface ViewSource {
  get(name: string): { readonly definition: ViewDefinition } | undefined;
  list(): readonly { readonly definition: ViewDefinition }[];
  /** Changes whenever the views may have changed (see ViewsRepo.revision). */
  revision(): string;
}

export function findView(views: ViewSource, name: string): ViewDefinition {
  const found = views.get(name)?.definition;
  if (found !== undefined) return found;
  throw new Problem('PAS130', `there is no view \`${name.slice(0, 64)}\``, {
    hint: didYouMean(
      name,
      views.list().map((v) => v.definition.name),
      'views',
    ),
  });
}

export async function runView(
  engine: Engine,
  access: Access,
  views: ViewSource,
  name: string,
  url: URL,
  timer: StageTimer,
  options: ListOptions = {},
): Promise<ListResult> {
  const { view, params } = timer.time('parse', () => {
    const view = findView(views, name);
    return { view, params: bindView(view, url.searchParams) };
  });
  return runListRequest(engine, access, view.resource, params, url, timer, options);
}
