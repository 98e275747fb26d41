/**
 * Notes (tblnotes), polymorphic over leads, customers, staff, contracts and sales documents and
 * tickets. Ids follow dates, and each note is about something that already existed that day.
 */
import { atTime, isoDateTime } from './demo-calendar.ts';
import type { DemoCounts } from './demo-counts.ts';
import type { DemoEnv } from './demo-env.ts';
import type { StaffRoster } from './generate-staff.ts';
import { pickRecent } from './pick-recent.ts';

// [rel_type, timeline of the noted entity, weight]
const REL_TYPES: readonly (readonly [string, keyof DemoCounts, number])[] = [
  ['lead', 'leads', 30],
  ['customer', 'clients', 25],
  ['contract', 'contracts', 10],
  ['invoice', 'invoices', 10],
  ['ticket', 'tickets', 10],
  ['estimate', 'estimates', 5],
  ['proposal', 'proposals', 5],
  ['staff', 'staff', 5],
];

/** Writes tblnotes. */
export async function generateNotes(env: DemoEnv, staff: StaffRoster): Promise<void> {
  const { random, writer, timelines } = env;
  const choices = REL_TYPES.map((entry) => [entry, entry[2]] as const);
  for (let id = 1; id <= env.counts.notes; id++) {
    const day = timelines.notes.dayOf(id);
    const [picked, kind] = random.weighted(choices);
    const found = pickRecent(env, kind, day, 365);
    // Nothing of that kind existed yet: a profile note about a staff member instead.
    const [relType, relId] = found > 0 ? [picked, found] : ['staff', random.pick(staff.members).id];
    const added = atTime(day, random.officeSecond());
    writer.add('tblnotes', {
      id,
      rel_id: relId,
      rel_type: relType,
      description: random.faker.lorem.sentences({ min: 1, max: 3 }),
      date_contacted: relType === 'lead' && random.chance(0.6) ? isoDateTime(added - random.int(0, 5) * 86_400) : null,
      addedfrom: random.pick(staff.active).id,
      dateadded: isoDateTime(added),
    });
    await writer.parentDone();
  }
  await writer.flush();
}
