/** Credit notes (tblcreditnotes, lines with rel_type 'credit_note'): 1 Open, 2 Closed, 3 Void. */
import { addDocumentLines } from './add-document-lines.ts';
import { billingColumns } from './billing-address.ts';
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { pickTotals, quantityLabel, totalsColumns } from './document-extras.ts';
import { documentLines } from './document-lines.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';

/** Writes credit notes and their lines. */
export async function generateCreditNotes(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
  projectsOf: ReadonlyMap<number, readonly ProjectCard[]>,
): Promise<void> {
  const { random, writer, timelines } = env;
  for (let id = 1; id <= env.counts.creditNotes; id++) {
    const day = timelines.creditNotes.dayOf(id);
    const client = clients.pickExistingOn(day, random);
    const lines = documentLines(env.seed, 'credit_note', id);
    const { totals, discountPercent } = pickTotals(random, lines);
    const projects = projectsOf.get(client.id) ?? [];
    writer.add('tblcreditnotes', {
      id,
      clientid: client.id,
      deleted_customer_name: null,
      number: id,
      prefix: 'CN-',
      number_format: 1,
      formatted_number: `CN-${String(id).padStart(6, '0')}`,
      datecreated: isoDateTime(atTime(day, random.officeSecond())),
      date: isoDay(day),
      adminnote: random.chance(0.3) ? random.faker.lorem.sentence() : '',
      terms: '',
      clientnote: random.chance(0.3) ? random.faker.lorem.sentence() : '',
      currency: client.currency,
      ...totalsColumns(totals, discountPercent),
      addedfrom: random.pick(staff.members).id,
      status:
        env.anchorDay - day < 60
          ? random.weighted([
              [1, 70],
              [2, 25],
              [3, 5],
            ] as const)
          : random.weighted([
              [1, 25],
              [2, 65],
              [3, 10],
            ] as const),
      project_id: projects.length > 0 && random.chance(0.2) ? random.pick(projects).id : 0,
      ...billingColumns(client, false),
      show_shipping_on_credit_note: 1,
      show_quantity_as: quantityLabel(lines),
      reference_no: random.chance(0.5) ? `RMA-${random.int(1000, 9999)}` : '',
    });
    addDocumentLines(env, 'credit_note', id, lines);
    await writer.parentDone();
  }
  await writer.flush();
}
