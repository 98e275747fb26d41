/** Custom field values (tblcustomfieldsvalues): `relid` is the id of the entity named by `fieldto`. */
import { CUSTOM_FIELDS, type CustomFieldTarget } from './custom-field-definitions.ts';
import type { DemoEnv } from './demo-env.ts';

/** The table whose primary key `relid` holds, per fieldto. */
const FIELD_TABLES: Readonly<Record<CustomFieldTarget, string>> = {
  customers: 'tblclients',
  contacts: 'tblcontacts',
  leads: 'tblleads',
  invoice: 'tblinvoices',
  estimate: 'tblestimates',
  proposal: 'tblproposals',
  credit_note: 'tblcreditnotes',
  projects: 'tblprojects',
  tasks: 'tbltasks',
  tickets: 'tbltickets',
  staff: 'tblstaff',
  expenses: 'tblexpenses',
  contracts: 'tblcontracts',
};

/** Writes the values of every custom field for the entities generated before. */
export async function generateCustomFieldValues(env: DemoEnv): Promise<void> {
  const { random, writer } = env;
  const rows = writer.rowCounts();
  for (const [index, field] of CUSTOM_FIELDS.entries()) {
    const entities = rows[FIELD_TABLES[field.fieldto]] ?? 0;
    for (let relid = 1; relid <= entities; relid++) {
      if (random.chance(field.fill)) {
        writer.add('tblcustomfieldsvalues', {
          id: env.ids.next('tblcustomfieldsvalues'),
          relid,
          fieldid: index + 1,
          fieldto: field.fieldto,
          value: field.value(random, relid),
        });
      }
      // Cheap rows: batched like the others, but not counted on the progress bar.
      await writer.parentDone(0);
    }
  }
  await writer.flush();
}
