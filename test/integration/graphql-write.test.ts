/**
 * GraphQL mutations on SQLite and MariaDB: create, update and delete return
 * `{ success, message, affected_rows, row }`, validate exactly as REST (same per-field errors),
 * map database refusals the same way, write nothing when they fail, and exist only where the
 * whitelist allows the operation.
 */
import { describe, expect, it } from 'vitest';
import { mysqlAvailable } from '../support/mysql.ts';
import { demoDialects, useDemoServer, type TestServer } from '../support/test-server.ts';

const withMysql = await mysqlAvailable();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL JSON of any shape
type Json = any;

async function gql(api: TestServer, query: string, variables?: Record<string, unknown>): Promise<Json> {
  const r = await api.request('POST', '/api/v1/graphql', { query, variables });
  expect(r.status).toBe(200);
  return r.body;
}

const LEAD_FIELDS = 'id name company email status source addedfrom lead_value dateadded country junk client_id lost';

describe.each(demoDialects('graphql_write', withMysql))('GraphQL mutations on $name', ({ create, skip }) => {
  const ctx = useDemoServer(create, skip);
  const count = async (table: string): Promise<number> =>
    Number((await ctx.api.engine.driver.query(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);
  const newLead = {
    name: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    email: 'ada@example.com',
    status: 1,
    source: 1,
    addedfrom: 1,
    lead_value: 1250.5,
  };
  const createLead = `mutation ($input: LeadCreateInput!) { createLead(input: $input) { success message affected_rows row { ${LEAD_FIELDS} } } }`;

  it.skipIf(skip)('creates a row and returns it as stored, like REST', async () => {
    const before = await count('tblleads');
    const body = await gql(ctx.api, createLead, { input: newLead });
    expect(body.errors).toBeUndefined();
    const result = body.data.createLead;
    expect(result).toMatchObject({ success: true, affected_rows: 1 });
    expect(result.message).toBe(`created leads ${result.row.id}`);
    expect(result.row).toMatchObject({
      ...newLead,
      dateadded: '2026-06-30T12:00:00',
      country: 0,
      junk: 0,
      client_id: 0,
      lost: false,
    });
    expect(await count('tblleads')).toBe(before + 1);
    const rest = (await ctx.api.get(`/api/v1/leads/${result.row.id}`)).body.data;
    expect(rest).toMatchObject({ ...result.row, lost: 0 });
  });

  it.skipIf(skip)('updates the given fields and deletes, with REST answers for missing rows', async () => {
    const created = (await gql(ctx.api, createLead, { input: newLead })).data.createLead.row;
    const updated = await gql(
      ctx.api,
      `mutation { updateLead(id: ${created.id}, input: {company: "Babbage & Co", lead_value: 99.9, lost: true, title: null}) { success message affected_rows row { ${LEAD_FIELDS} title } } }`,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateLead).toEqual({
      success: true,
      message: `updated leads ${created.id}`,
      affected_rows: 1,
      row: { ...created, company: 'Babbage & Co', lead_value: 99.9, lost: true, title: null },
    });
    expect((await ctx.api.get(`/api/v1/leads/${created.id}`)).body.data).toMatchObject({
      company: 'Babbage & Co',
      lost: 1,
    });
    const deleted = await gql(
      ctx.api,
      `mutation { deleteLead(id: "${created.id}") { success message affected_rows row { id } } }`,
    );
    expect(deleted.data.deleteLead).toEqual({
      success: true,
      message: `deleted leads ${created.id}`,
      affected_rows: 1,
      row: null,
    });
    expect((await ctx.api.get(`/api/v1/leads/${created.id}`)).status).toBe(404);
    const again = await gql(ctx.api, `mutation { deleteLead(id: ${created.id}) { success } }`);
    expect(again.data.deleteLead).toBeNull();
    expect(again.errors[0].extensions).toMatchObject({ code: 'PAS201', status: 404 });
    const missing = await gql(ctx.api, 'mutation { updateLead(id: 99999999, input: {name: "x"}) { success } }');
    expect(missing.errors[0].extensions).toMatchObject({ code: 'PAS201', status: 404 });
    const badId = await gql(ctx.api, 'mutation { updateLead(id: "abc", input: {name: "x"}) { success } }');
    expect(badId.errors[0].extensions.code).toBe('PAS111');
    const nothing = await gql(ctx.api, `mutation { updateLead(id: 1, input: {}) { success } }`);
    expect(nothing.errors[0].extensions.code).toBe('PAS401');
  });

  it.skipIf(skip)('validates inputs with REST per-field errors and writes nothing', async () => {
    const before = await count('tblleads');
    const bad = {
      name: 'x'.repeat(192),
      source: 1,
      addedfrom: 1,
      status: 1,
      dateadded: 'yesterday',
      lead_value: 1e20,
      email: 'e'.repeat(300),
    };
    const body = await gql(ctx.api, createLead, { input: bad });
    expect(body.data.createLead).toBeNull();
    const error = body.errors[0];
    const rest = await ctx.api.request('POST', '/api/v1/leads', bad);
    expect(rest.status).toBe(422);
    expect(error.message).toBe(rest.body.detail);
    expect(error.path).toEqual(['createLead']);
    expect(error.extensions).toMatchObject({ code: 'PAS401', status: 422, hint: rest.body.hint });
    // Same errors; GraphQL coerces input fields in schema order, REST reads the body in its own.
    const byField = (a: { field: string }, b: { field: string }): number => a.field.localeCompare(b.field);
    expect([...error.extensions.errors].sort(byField)).toEqual([...rest.body.errors].sort(byField));
    expect(error.extensions.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'dateadded',
      'email',
      'lead_value',
      'name',
    ]);
    expect(await count('tblleads')).toBe(before);
    // A missing required field or an unknown one is refused by the input type itself.
    const missing = await gql(ctx.api, 'mutation { createLead(input: {company: "x"}) { success } }');
    expect(missing.errors[0].extensions).toMatchObject({ code: 'PAS124', status: 400 });
    expect(missing.errors[0].message).toMatch(/name/);
    const hidden = await gql(ctx.api, 'mutation { updateInvoice(id: 1, input: {adminnote: "x"}) { success } }');
    expect(hidden.errors[0].extensions.code).toBe('PAS124');
    const readOnly = await gql(
      ctx.api,
      'mutation { updateInvoice(id: 1, input: {datesend: "2026-01-01T00:00:00"}) { success } }',
    );
    expect(readOnly.errors[0].message).toMatch(/datesend/);
  });

  it.skipIf(skip)('maps duplicates to 409 as REST does, in a transaction', async () => {
    const before = await count('tblpas_tags');
    const first = await gql(
      ctx.api,
      'mutation { createPasTag(input: {name: "graphql-dup", color: "#00ff00"}) { success row { id name color } } }',
    );
    expect(first.data.createPasTag.row).toMatchObject({ name: 'graphql-dup', color: '#00ff00' });
    const dup = await gql(ctx.api, 'mutation { createPasTag(input: {name: "graphql-dup"}) { success } }');
    expect(dup.data.createPasTag).toBeNull();
    expect(dup.errors[0].extensions).toMatchObject({ code: 'PAS402', status: 409 });
    expect(await count('tblpas_tags')).toBe(before + 1);
  });

  it.skipIf(skip)('runs mutations in order and reads relations of the written row', async () => {
    const body = await gql(
      ctx.api,
      `mutation {
        a: createPasTag(input: {name: "order-1"}) { row { id } }
        b: updatePasTag(id: 1, input: {color: "#123456"}) { row { id color } }
        c: createInvoice(input: {clientid: 1, number: 9001, date: "2026-06-01", currency: 1, subtotal: 10, total_tax: 0, total: 10, number_format: 1, discount_type: "", show_quantity_as: 1, recurring: 0, cycles: 0, total_cycles: 0, cancel_overdue_reminders: 0, sale_agent: 0, include_shipping: false, show_shipping_on_invoice: true, subscription_id: 0}) { success row { id total client { userid } payments { id } } }
      }`,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.b.row).toEqual({ id: 1, color: '#123456' });
    expect(body.data.c.row).toMatchObject({ total: 10, client: { userid: 1 }, payments: [] });
  });

  it.skipIf(skip)('offers mutations only where the whitelist allows them', async () => {
    const sdl = (await ctx.api.get('/api/v1/graphql/schema.graphql')).text;
    for (const name of ['createLead', 'updateLead', 'deleteLead', 'createInvoice', 'createPasTag'])
      expect(sdl).toContain(`${name}(`);
    for (const name of ['createClient', 'updateClient', 'deleteClient', 'createPasKeyless'])
      expect(sdl).not.toContain(`${name}(`);
    const refused = await gql(ctx.api, 'mutation { createClient(input: {company: "x"}) { success } }');
    expect(refused.errors[0].extensions.code).toBe('PAS124');
    expect(refused.errors[0].message).toMatch(/createClient/);
  });
});
