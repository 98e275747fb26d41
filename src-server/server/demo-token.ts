/**
 * A ready-made token for the embedded demo database, so `npm start` can be tried with curl at once.
 * One per launch: the previous launch's demo token is revoked (its secret was only ever printed),
 * and the demo token never exists for a real CRM database.
 */
import type { Store } from '../store/open-store.ts';

const SETTING = 'demoTokenId';

export function issueDemoToken(store: Store): string {
  const previous = store.settings.get<string>(SETTING);
  if (previous !== undefined) store.tokens.revoke(previous);
  const created = store.tokens.create({
    name: 'demo (this launch)',
    grants: { scopes: ['rest', 'graphql', 'views', 'write'], read: '*', create: '*', update: '*', delete: '*' },
  });
  store.settings.set(SETTING, created.record.id);
  return created.token;
}
