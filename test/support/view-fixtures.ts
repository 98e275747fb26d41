/** Saved views the tests store and run: one of groups (with a group include), one of rows with typed parameters. */

/** "Overdue invoices grouped by sales agent" (the README's worked example), due before :before. */
export const OVERDUE_BY_AGENT = {
  name: 'overdue_by_agent',
  description: 'Overdue invoices per sales agent, due before :before',
  resource: 'invoices',
  query: {
    'filter[status]': '4',
    'filter[duedate.lt]': ':before',
    group_by: 'sale_agent',
    aggregate: 'count,sum:total',
    sort: '-sum_total',
    include: 'sale_agent',
    'fields[sale_agent]': 'firstname,lastname',
  },
  params: { before: { type: 'date', default: '2026-06-30' } },
};

/** Payments between two dates, at least :min. */
export const PAYMENTS_BETWEEN = {
  name: 'payments_between',
  description: 'Payments between two dates, at least :min',
  resource: 'invoicepaymentrecords',
  query: {
    'filter[date.between]': ':from,:to',
    'filter[amount.gte]': ':min',
    sort: 'date',
    fields: 'id,invoiceid,amount,date',
  },
  params: { from: { type: 'date' }, to: { type: 'date' }, min: { type: 'number', default: 0 } },
};
