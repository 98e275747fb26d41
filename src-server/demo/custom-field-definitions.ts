/**
 * The demo's custom fields (tblcustomfields) and how their values look. `fieldto` uses Perfex's
 * spelling: plural for customers/contacts/leads/projects/tasks/tickets/expenses/contracts,
 * singular for the sales documents.
 */
import type { DemoRandom } from './demo-random.ts';

/** tblcustomfields.fieldto values the demo uses. */
export type CustomFieldTarget =
  | 'customers'
  | 'contacts'
  | 'leads'
  | 'invoice'
  | 'estimate'
  | 'proposal'
  | 'credit_note'
  | 'projects'
  | 'tasks'
  | 'tickets'
  | 'staff'
  | 'expenses'
  | 'contracts';

/** One custom field and how to fake its values. */
export interface CustomFieldDefinition {
  readonly fieldto: CustomFieldTarget;
  readonly name: string;
  /** Perfex field types: input, number, textarea, select, multiselect, checkbox, date_picker, link… */
  readonly type: string;
  readonly options?: readonly string[];
  readonly required: boolean;
  readonly showOnTable: boolean;
  /** Share of the entities that have a value. */
  readonly fill: number;
  /** A value for entity `relId`. */
  readonly value: (random: DemoRandom, relId: number) => string;
}

function select(
  fieldto: CustomFieldTarget,
  name: string,
  options: readonly string[],
  fill: number,
): CustomFieldDefinition {
  return {
    fieldto,
    name,
    type: 'select',
    options,
    required: false,
    showOnTable: true,
    fill,
    value: (r) => r.pick(options),
  };
}

/** Custom fields, in tblcustomfields id order. */
export const CUSTOM_FIELDS: readonly CustomFieldDefinition[] = [
  select(
    'customers',
    'Industry',
    [
      'Technology',
      'Retail',
      'Healthcare',
      'Finance',
      'Education',
      'Manufacturing',
      'Hospitality',
      'Real Estate',
      'Non-profit',
    ],
    0.8,
  ),
  {
    fieldto: 'customers',
    name: 'Account Number',
    type: 'input',
    required: false,
    showOnTable: true,
    fill: 0.6,
    value: (_r, id) => `ACC-${String(10000 + id)}`,
  },
  select('contacts', 'Preferred Contact Method', ['Email', 'Phone', 'SMS'], 0.5),
  {
    fieldto: 'leads',
    name: 'Budget',
    type: 'number',
    required: false,
    showOnTable: true,
    fill: 0.6,
    value: (r) => String(r.int(5, 200) * 500),
  },
  select('leads', 'Lead Score', ['Hot', 'Warm', 'Cold'], 0.7),
  {
    fieldto: 'invoice',
    name: 'PO Number',
    type: 'input',
    required: false,
    showOnTable: false,
    fill: 0.3,
    value: (r) => `PO-${r.int(100000, 999999)}`,
  },
  select('estimate', 'Sales Channel', ['Direct', 'Partner', 'Online'], 0.4),
  select('proposal', 'Template', ['Standard', 'Enterprise', 'Startup'], 0.4),
  select('credit_note', 'Reason', ['Refund', 'Discount', 'Damaged goods', 'Billing error'], 0.8),
  {
    fieldto: 'projects',
    name: 'Project Code',
    type: 'input',
    required: true,
    showOnTable: true,
    fill: 1,
    value: (_r, id) => `PRJ-${String(id).padStart(4, '0')}`,
  },
  {
    fieldto: 'projects',
    name: 'Repository URL',
    type: 'link',
    required: false,
    showOnTable: false,
    fill: 0.5,
    value: (r) => `https://git.example.com/${r.faker.word.noun()}-${r.faker.word.noun()}`,
  },
  {
    fieldto: 'tasks',
    name: 'Story Points',
    type: 'number',
    required: false,
    showOnTable: true,
    fill: 0.4,
    value: (r) => String(r.pick([1, 2, 3, 5, 8, 13])),
  },
  select('tickets', 'Browser', ['Chrome', 'Firefox', 'Safari', 'Edge'], 0.4),
  {
    fieldto: 'staff',
    name: 'Employee ID',
    type: 'input',
    required: true,
    showOnTable: true,
    fill: 1,
    value: (_r, id) => `EMP-${String(id).padStart(4, '0')}`,
  },
  {
    fieldto: 'expenses',
    name: 'Receipt Number',
    type: 'input',
    required: false,
    showOnTable: false,
    fill: 0.5,
    value: (r) => `R-${r.int(10000, 99999)}`,
  },
  select('contracts', 'Renewal Notice', ['30 days', '60 days', '90 days'], 0.7),
];
