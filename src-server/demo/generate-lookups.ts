/**
 * Lookup tables: first the rows Perfex's installer seeds (countries, currencies 1 USD / 2 EUR,
 * payment mode 1 Bank, ticket statuses 1–5 and priorities 1–3, lead status 1 Customer, lead
 * sources 1 Google / 2 Facebook, role 1 Employee), then what a small agency adds on top.
 */
import countries from '../../resources/demo/countries.json' with { type: 'json' };
import { CUSTOM_FIELDS } from './custom-field-definitions.ts';
import type { DemoEnv } from './demo-env.ts';
import { DEMO_TAXES, ITEM_CATALOGUE, ITEM_GROUPS } from './item-catalogue.ts';
import { amount } from './money.ts';
import { phpSerialize } from './php-serialize.ts';

/** tbldepartments names (departmentid = index + 1). */
export const DEPARTMENTS = ['Sales', 'Support', 'Billing', 'Technical', 'Marketing', 'Management'] as const;
/** tblservices names (serviceid = index + 1). */
export const SERVICES = ['Website', 'Hosting', 'Email', 'Mobile App', 'SEO', 'IT Support'] as const;
/** tblleads_status: 1 is the installer's "Customer" (the converted stage); the rest are the pipeline. */
export const LEAD_STATUSES = ['Customer', 'New', 'Contacted', 'Qualified', 'Proposal Sent', 'Negotiation'] as const;
/** tblleads_sources: 1 Google, 2 Facebook (installer), then the agency's own. */
export const LEAD_SOURCES = ['Google', 'Facebook', 'Referral', 'Website', 'LinkedIn', 'Trade Show'] as const;
/** tblcontracts_types names (id = index + 1). */
export const CONTRACT_TYPES = ['Service Agreement', 'Maintenance', 'Hosting', 'Retainer', 'NDA', 'SLA'] as const;
/** tblexpenses_categories names (id = index + 1). */
export const EXPENSE_CATEGORIES = [
  'Travel',
  'Software',
  'Office Supplies',
  'Hardware',
  'Marketing',
  'Utilities',
  'Meals',
  'Contractors',
] as const;
/** tblcustomers_groups names (id = index + 1). */
export const CUSTOMER_GROUPS = ['VIP', 'Wholesale', 'Retail', 'Partners', 'Government'] as const;
/** Offline payment modes (tblpayment_modes ids 1–3); gateways are stored by name. */
export const PAYMENT_MODES = ['Bank', 'Cash', 'Cheque'] as const;
/** Ticket statuses as Perfex seeds them: [name, colour]. */
const TICKET_STATUSES = [
  ['Open', '#ff2d42'],
  ['In progress', '#22c55e'],
  ['Answered', '#2563eb'],
  ['On Hold', '#64748b'],
  ['Closed', '#03a9f4'],
] as const;
const LEAD_STATUS_COLORS = ['#7cb342', '#28B8DA', '#ff6f00', '#84c529', '#03a9f4', '#9c27b0'] as const;
const ROLES: readonly (readonly [string, readonly string[]])[] = [
  ['Employee', []],
  ['Sales', ['customers', 'invoices', 'estimates', 'proposals', 'leads']],
  ['Project Manager', ['projects', 'tasks', 'contracts', 'customers']],
  ['Support Agent', ['customers', 'knowledge_base']],
];

function addNamed(env: DemoEnv, table: string, key: string, names: readonly string[]): void {
  names.forEach((name, i) => env.writer.add(table, { [key]: i + 1, name }));
}

function addStaticLookups(env: DemoEnv): void {
  const w = env.writer;
  for (const row of countries.rows) {
    w.add('tblcountries', Object.fromEntries(countries.columns.map((c, i) => [c, row[i] ?? null])));
  }
  w.add('tblcurrencies', {
    id: 1,
    symbol: '$',
    name: 'USD',
    decimal_separator: '.',
    thousand_separator: ',',
    placement: 'before',
    isdefault: 1,
  });
  w.add('tblcurrencies', {
    id: 2,
    symbol: '€',
    name: 'EUR',
    decimal_separator: ',',
    thousand_separator: '.',
    placement: 'before',
    isdefault: 0,
  });
  for (const tax of DEMO_TAXES) w.add('tbltaxes', { id: tax.id, name: tax.name, taxrate: tax.rateBasisPoints / 100 });
  PAYMENT_MODES.forEach((name, i) =>
    w.add('tblpayment_modes', {
      id: i + 1,
      name,
      description: i === 0 ? 'IBAN: GB33 BUKB 2020 1555 5555 55' : null,
      show_on_pdf: i === 0 ? 1 : 0,
      selected_by_default: i === 0 ? 1 : 0,
    }),
  );
  ROLES.forEach(([name, features], i) => {
    const permissions = Object.fromEntries(features.map((f) => [f, ['view', 'create', 'edit']]));
    w.add('tblroles', { roleid: i + 1, name, permissions: i === 0 ? null : phpSerialize(permissions) });
  });
  addNamed(env, 'tblservices', 'serviceid', SERVICES);
  TICKET_STATUSES.forEach(([name, color], i) =>
    w.add('tbltickets_status', { ticketstatusid: i + 1, name, isdefault: 1, statuscolor: color, statusorder: i + 1 }),
  );
  addNamed(env, 'tbltickets_priorities', 'priorityid', ['Low', 'Medium', 'High']);
  LEAD_STATUSES.forEach((name, i) =>
    w.add('tblleads_status', {
      id: i + 1,
      name,
      statusorder: i === 0 ? 1000 : i,
      color: LEAD_STATUS_COLORS[i] ?? '#28B8DA',
      isdefault: i === 0 ? 1 : 0,
    }),
  );
  addNamed(env, 'tblleads_sources', 'id', LEAD_SOURCES);
  addNamed(env, 'tblcontracts_types', 'id', CONTRACT_TYPES);
  EXPENSE_CATEGORIES.forEach((name, i) => w.add('tblexpenses_categories', { id: i + 1, name, description: null }));
  addNamed(env, 'tblcustomers_groups', 'id', CUSTOMER_GROUPS);
  addNamed(env, 'tblitems_groups', 'id', ITEM_GROUPS);
  for (const item of ITEM_CATALOGUE) {
    w.add('tblitems', {
      id: item.id,
      description: item.description,
      long_description: item.longDescription,
      rate: amount(item.rateCents),
      tax: item.taxIds[0] ?? null,
      tax2: item.taxIds[1] ?? null,
      unit: item.unit,
      group_id: item.groupId,
    });
  }
}

function addDepartments(env: DemoEnv): void {
  const { random } = env;
  DEPARTMENTS.forEach((name, i) => {
    // Support-facing departments pipe tickets from a mailbox: IMAP settings with an encrypted password.
    const piped = name === 'Support' || name === 'Billing' || name === 'Technical';
    const mailbox = `${name.toLowerCase()}@example.com`;
    env.writer.add('tbldepartments', {
      departmentid: i + 1,
      name,
      imap_username: piped ? mailbox : null,
      email: mailbox,
      email_from_header: 0,
      host: piped ? 'imap.example.com' : null,
      password: piped ? Buffer.from(random.alnum(48)).toString('base64') : null,
      encryption: piped ? 'ssl' : '',
      folder: 'INBOX',
      delete_after_import: 0,
      calendar_id: null,
      hidefromclient: name === 'Management' ? 1 : 0,
    });
  });
}

function addCustomFields(env: DemoEnv): void {
  CUSTOM_FIELDS.forEach((field, i) => {
    env.writer.add('tblcustomfields', {
      id: i + 1,
      fieldto: field.fieldto,
      name: field.name,
      slug: `${field.fieldto}_${field.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/_$/, '')}`,
      required: field.required ? 1 : 0,
      type: field.type,
      options: field.options?.join(',') ?? null,
      field_order: i + 1,
      show_on_pdf: field.fieldto === 'invoice' ? 1 : 0,
      show_on_table: field.showOnTable ? 1 : 0,
      show_on_client_portal: field.fieldto === 'customers' ? 1 : 0,
      default_value: null,
    });
  });
}

/** Writes every lookup table. */
export async function generateLookups(env: DemoEnv): Promise<void> {
  addStaticLookups(env);
  addDepartments(env);
  addCustomFields(env);
  await env.writer.flush();
}
