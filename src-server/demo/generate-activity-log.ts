/**
 * The global audit log (tblactivity_log). `staffid` is not an id: it holds the acting staff
 * member's full name, a contact's full name (customer-area actions), '[CRON]', or NULL.
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDateTime } from './demo-calendar.ts';
import type { DemoCounts } from './demo-counts.ts';
import type { DemoEnv } from './demo-env.ts';
import type { StaffRoster } from './generate-staff.ts';
import { pickRecent } from './pick-recent.ts';

type Actor = 'staff' | 'contact' | 'cron' | 'nobody';

// [who, about (timeline), template (`{id}` = the entity id), weight]
const EVENTS: readonly (readonly [Actor, keyof DemoCounts | null, string, number])[] = [
  ['staff', 'invoices', 'New Invoice Created [ID: {id}]', 14],
  ['staff', 'invoices', 'Payment Recorded [Invoice ID: {id}]', 10],
  ['staff', 'clients', 'New Client Created [ID: {id}]', 4],
  ['staff', 'clients', 'Customer Info Updated [ID: {id}]', 6],
  ['staff', 'leads', 'New Lead Added [ID: {id}]', 8],
  ['staff', 'leads', 'Lead Status Updated [ID: {id}]', 6],
  ['staff', 'estimates', 'New Estimate Created [ID: {id}]', 5],
  ['staff', 'projects', 'New Project Created [ID: {id}]', 2],
  ['staff', 'tasks', 'New Task Added [ID: {id}]', 8],
  ['staff', 'tickets', 'Ticket Replied [ID: {id}]', 6],
  ['staff', 'contracts', 'New Contract Created [ID: {id}]', 2],
  ['staff', 'expenses', 'New Expense Added [ID: {id}]', 3],
  ['staff', null, 'User Successfully Logged In [IP: {ip}]', 8],
  ['contact', 'estimates', 'Estimate Accepted by Customer [ID: {id}]', 2],
  ['contact', 'tickets', 'New Ticket Opened From Customers Area [ID: {id}]', 3],
  ['contact', null, 'Contact Logged In [IP: {ip}]', 4],
  ['cron', 'invoices', 'Overdue Invoice Reminder Sent [Invoice ID: {id}]', 6],
  ['cron', 'invoices', 'Recurring Invoice Created [Invoice ID: {id}]', 2],
  ['cron', 'tickets', 'Ticket Auto Closed [ID: {id}]', 2],
  ['cron', null, 'Database Backup Created', 2],
  ['nobody', null, 'Failed Login Attempt [Email: {email}, Is Staff Member: Yes, IP: {ip}]', 2],
];

/** Writes tblactivity_log, oldest first. */
export async function generateActivityLog(env: DemoEnv, staff: StaffRoster, clients: ClientDirectory): Promise<void> {
  const { random, writer, timelines } = env;
  const { faker } = random;
  const choices = EVENTS.map((event) => [event, event[3]] as const);
  for (let id = 1; id <= env.counts.activityLog; id++) {
    const day = timelines.activityLog.dayOf(id);
    const [actor, kind, template] = random.weighted(choices);
    const entity = kind === null ? 0 : pickRecent(env, kind, day, 3);
    const who =
      actor === 'staff'
        ? random.pick(staff.active).fullName
        : actor === 'contact'
          ? clients.pickExistingOn(day, random).primaryContactName
          : actor === 'cron'
            ? '[CRON]'
            : null;
    const description = template
      .replace('{id}', String(Math.max(1, entity)))
      .replace('{ip}', faker.internet.ipv4())
      .replace('{email}', faker.internet.email().toLowerCase());
    writer.add('tblactivity_log', {
      id,
      description,
      date: isoDateTime(atTime(day, random.officeSecond())),
      staffid: who,
    });
    await writer.parentDone();
  }
  await writer.flush();
}
