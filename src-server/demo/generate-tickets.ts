/**
 * Support tickets (tbltickets) and their replies (tblticket_replies). `userid` is the customer
 * (0 for a guest e-mail ticket, whose name and e-mail are then filled); `contactid` 0 when a guest
 * wrote or staff opened the ticket on the customer's behalf.
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { SERVICES } from './generate-lookups.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';

const SUBJECTS = [
  'Cannot log in to the client portal',
  'Question about my last invoice',
  'Website is down',
  'Email not syncing on mobile',
  'Request for a quote',
  'SSL certificate renewal',
  'Password reset link expired',
  'Pages load slowly',
  'Error at checkout',
  'Change of billing address',
  'Backup restore request',
  'DNS records update',
  'New user account needed',
  'Printer offline',
];

interface Author {
  readonly userid: number | null;
  readonly contactid: number;
  readonly name: string | null;
  readonly email: string | null;
}

/** Writes tickets and replies. */
export async function generateTickets(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
  projectsOf: ReadonlyMap<number, readonly ProjectCard[]>,
): Promise<void> {
  const { random, writer, timelines, anchorDay, now } = env;
  const { faker } = random;
  const lastTicketOf = new Map<number, number>();
  for (let id = 1; id <= env.counts.tickets; id++) {
    const day = timelines.tickets.dayOf(id);
    const opened = atTime(day, random.officeSecond());
    const guest = random.chance(0.12);
    const client = guest ? null : clients.pickExistingOn(day, random);
    const byStaff = client !== null && random.chance(0.1);
    const guestName = guest ? faker.person.fullName() : null;
    const customer: Author =
      client === null
        ? {
            userid: 0,
            contactid: 0,
            name: guestName,
            email: faker.internet.email({ firstName: guestName?.split(' ')[0] }).toLowerCase(),
          }
        : { userid: client.id, contactid: byStaff ? 0 : clients.pickContact(client, random), name: null, email: null };
    const recent = anchorDay - day <= 30;
    let status = recent
      ? random.weighted([
          [1, 35],
          [2, 25],
          [3, 25],
          [4, 5],
          [5, 10],
        ] as const)
      : random.weighted([
          [5, 80],
          [3, 10],
          [4, 5],
          [2, 5],
        ] as const);
    const previous = client === null ? undefined : lastTicketOf.get(client.id);
    const merged = previous !== undefined && random.chance(0.03) ? previous : null;
    if (merged !== null) status = 5;
    const replyCount = status === 1 ? random.int(0, 1) : random.int(1, 6);
    const assigned = random.chance(0.7) ? random.pick(staff.active).id : 0;
    let at = opened;
    let lastReply: number | null = null;
    for (let r = 0; r < replyCount; r++) {
      at = Math.min(now, at + random.int(600, 3 * 86_400));
      const fromStaff = r % 2 === 0;
      writer.add('tblticket_replies', {
        id: env.ids.next('tblticket_replies'),
        ticketid: id,
        userid: fromStaff ? null : customer.userid,
        contactid: fromStaff ? 0 : customer.contactid,
        name: fromStaff ? null : customer.name,
        email: fromStaff ? null : customer.email,
        date: isoDateTime(at),
        message: random.html(random.int(1, 2)),
        attachment: null,
        admin: fromStaff ? assigned || random.pick(staff.active).id : null,
      });
      lastReply = at;
    }
    const projects = client === null ? [] : (projectsOf.get(client.id) ?? []);
    writer.add('tbltickets', {
      ticketid: id,
      adminreplying: 0,
      userid: customer.userid,
      contactid: customer.contactid,
      merged_ticket_id: merged,
      email: customer.email,
      name: customer.name,
      department: random.weighted([
        [2, 45],
        [4, 25],
        [3, 20],
        [1, 10],
      ] as const),
      priority: random.weighted([
        [1, 40],
        [2, 45],
        [3, 15],
      ] as const),
      status,
      service: random.chance(0.7) ? random.int(1, SERVICES.length) : null,
      ticketkey: random.md5(),
      subject: random.pick(SUBJECTS),
      message: random.html(random.int(1, 3)),
      admin: byStaff ? random.pick(staff.active).id : null,
      date: isoDateTime(opened),
      project_id: projects.length > 0 && random.chance(0.15) ? random.pick(projects).id : 0,
      lastreply: lastReply === null ? null : isoDateTime(lastReply),
      clientread: status === 1 || random.chance(0.8) ? 1 : 0,
      adminread: random.chance(0.9) ? 1 : 0,
      assigned,
      staff_id_replying: null,
      cc: random.chance(0.05) ? faker.internet.email().toLowerCase() : null,
    });
    if (client !== null) lastTicketOf.set(client.id, id);
    await writer.parentDone();
  }
  await writer.flush();
}
