/**
 * The explorer's URL ⇄ parameter table round trip and its completion, as pure functions over an
 * endpoints answer shaped like GET /admin/api/explorer/endpoints.
 */
import { describe, expect, it } from 'vitest';
import type { ExplorerEndpoints, ResourceEndpoints } from '../../../src-shared/admin-api.ts';
import { suggestKeys, suggestValues, type SuggestContext } from '../../../src-renderer/screens/explorer/param-suggestions.ts';
import { joinPath, resourceOfPath, splitPath } from '../../../src-renderer/screens/explorer/query-params.ts';

const invoices: ResourceEndpoints = {
  resource: 'invoices',
  table: 'tblinvoices',
  operations: ['read'],
  fields: [
    { name: 'id', type: 'integer', pii: false, writable: false },
    { name: 'status', type: 'integer', pii: false, writable: true },
    { name: 'total', type: 'decimal', pii: false, writable: true },
    { name: 'clientnote', type: 'string', pii: true, writable: true },
  ],
  relations: [
    { name: 'client', kind: 'to-one', target: 'clients' },
    { name: 'payments', kind: 'to-many', target: 'payments' },
  ],
  endpoints: [{ method: 'GET', path: '/api/v1/invoices', summary: 'List invoices', operationId: 'listInvoices' }],
};
const clients: ResourceEndpoints = {
  resource: 'clients',
  table: 'tblclients',
  operations: ['read'],
  fields: [
    { name: 'userid', type: 'integer', pii: false, writable: false },
    { name: 'company', type: 'string', pii: true, writable: true },
    { name: 'country', type: 'integer', pii: false, writable: true },
  ],
  relations: [],
  endpoints: [{ method: 'GET', path: '/api/v1/clients', summary: 'List clients', operationId: 'listClients' }],
};
const endpoints: ExplorerEndpoints = {
  baseUrl: 'http://127.0.0.1:4780',
  resources: [invoices, clients],
  operators: [
    { name: 'eq', description: 'equal' },
    { name: 'gte', description: 'greater or equal' },
    { name: 'in', description: 'one of a list' },
  ],
  parameters: [
    { name: 'fields', description: 'columns to return' },
    { name: 'filter', description: 'conditions' },
    { name: 'sort', description: 'order' },
    { name: 'include', description: 'related rows' },
    { name: 'aggregate', description: 'measures' },
  ],
  graphql: { path: '/api/v1/graphql', enabled: true },
};
const ctx: SuggestContext = { endpoints, resource: invoices };
const values = (list: readonly { value: string }[]): string[] => list.map((s) => s.value);

describe('explorer URL and parameter rows', () => {
  it('reads rows out of the URL and writes them back readable', () => {
    const path = '/api/v1/invoices?filter[total.gte]=100&sort=-total,duedate&fields=id,total';
    const { base, params } = splitPath(path);
    expect(base).toBe('/api/v1/invoices');
    expect(params).toEqual([
      { key: 'filter[total.gte]', value: '100' },
      { key: 'sort', value: '-total,duedate' },
      { key: 'fields', value: 'id,total' },
    ]);
    expect(joinPath(base, params)).toBe(path);
  });

  it('encodes what must be encoded, keeps what is typed mid-way, drops empty rows', () => {
    expect(joinPath('/api/v1/clients', [{ key: 'filter[company.like]', value: 'A&B %' }, { key: '', value: '' }])).toBe('/api/v1/clients?filter[company.like]=A%26B%20%25');
    expect(splitPath('/api/v1/clients?filter[company]=50%').params).toEqual([{ key: 'filter[company]', value: '50%' }]);
    expect(splitPath('/api/v1/clients?filter[company.like]=A%26B%20%25').params[0]?.value).toBe('A&B %');
  });

  it('names the resource of a path', () => {
    expect(resourceOfPath('/api/v1/invoices/12?include=client')).toBe('invoices');
    expect(resourceOfPath('/api_docs')).toBeNull();
  });
});

describe('explorer parameter completion', () => {
  it('offers parameter keys, bracketed ones as partial', () => {
    const keys = suggestKeys('fi', ctx);
    expect(values(keys)).toEqual(expect.arrayContaining(['filter[', 'fields']));
    expect(keys.find((s) => s.value === 'filter[')?.partial).toBe(true);
  });

  it('walks columns, relations and operators inside filter[…]', () => {
    expect(values(suggestKeys('filter[', ctx))).toEqual(expect.arrayContaining(['filter[status]', 'filter[total]', 'filter[client.', 'filter[payments.']));
    expect(values(suggestKeys('filter[status.', ctx))).toEqual(expect.arrayContaining(['filter[status.eq]', 'filter[status.gte]', 'filter[status.in]']));
    expect(values(suggestKeys('filter[client.', ctx))).toEqual(expect.arrayContaining(['filter[client.company]', 'filter[client.country]']));
  });

  it('completes list values: sort both ways, includes, numeric aggregates only', () => {
    expect(values(suggestValues('sort', '-to', ctx))).toEqual(['-total']);
    expect(values(suggestValues('sort', 'id,st', ctx))).toEqual(['id,status']);
    expect(values(suggestValues('include', '', ctx))).toEqual(['client', 'payments']);
    const aggregates = values(suggestValues('aggregate', '', ctx));
    expect(aggregates).toEqual(expect.arrayContaining(['count', 'sum:total', 'avg:status']));
    expect(aggregates.some((a) => a.endsWith(':clientnote'))).toBe(false);
  });

  it('offers only to-many relations for limit[…]', () => {
    expect(values(suggestKeys('limit[', ctx))).toEqual(['limit[payments]']);
  });
});
