/**
 * Contracts (tblcontracts). No status column: state comes from signed / marked_as_signed / trash /
 * dateend. A few rows keep the zero date '0000-00-00' in dateend, as older Perfex installs do.
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime, ZERO_DATE } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { CONTRACT_TYPES } from './generate-lookups.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';
import { amount } from './money.ts';

/** Writes tblcontracts. */
export async function generateContracts(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
  projectsOf: ReadonlyMap<number, readonly ProjectCard[]>,
): Promise<void> {
  const { random, writer, timelines, anchorDay, now } = env;
  const { faker } = random;
  for (let id = 1; id <= env.counts.contracts; id++) {
    const day = timelines.contracts.dayOf(id);
    const added = atTime(day, random.officeSecond());
    const client = clients.pickExistingOn(day, random);
    const type = random.int(1, CONTRACT_TYPES.length);
    const start = day + random.int(0, 20);
    const open = random.chance(0.1);
    const end = open ? null : start + random.pick([90, 180, 365, 365, 730]);
    const signed = random.chance(0.55);
    const marked = !signed && random.chance(0.15);
    const signedAt = signed ? Math.min(now, added + random.int(1, 20) * 86_400) : null;
    const contact = clients.pickContact(client, random);
    const projects = projectsOf.get(client.id) ?? [];
    const sent = random.chance(0.8);
    const subject = `${CONTRACT_TYPES[type - 1] ?? 'Contract'} - ${client.company}`.slice(0, 191);
    const [firstname = '', lastname = ''] = client.primaryContactName.split(' ');
    writer.add('tblcontracts', {
      id,
      content: `<h2>${subject}</h2>\n${random.html(random.int(2, 5))}`,
      description: random.chance(0.6) ? faker.lorem.sentence() : '',
      subject,
      client: client.id,
      datestart: isoDay(start),
      dateend: end === null ? null : random.chance(0.04) ? ZERO_DATE : isoDay(end),
      contract_type: type,
      project_id: projects.length > 0 && random.chance(0.3) ? random.pick(projects).id : null,
      addedfrom: random.pick(staff.members).id,
      dateadded: isoDateTime(added),
      isexpirynotified: end !== null && end < anchorDay ? 1 : 0,
      contract_value: random.chance(0.85) ? amount(random.int(5, 600) * 10_000) : null,
      trash: random.chance(0.03) ? 1 : 0,
      not_visible_to_client: random.chance(0.05) ? 1 : 0,
      hash: random.md5(),
      signed: signed ? 1 : 0,
      signature: signed ? `signature_${random.alnum(8).toLowerCase()}.png` : null,
      marked_as_signed: marked ? 1 : 0,
      acceptance_firstname: signed ? firstname : null,
      acceptance_lastname: signed ? lastname : null,
      acceptance_email: signed ? client.primaryContactEmail : null,
      acceptance_date: signedAt === null ? null : isoDateTime(signedAt),
      acceptance_ip: signed ? faker.internet.ipv4() : null,
      short_link: null,
      last_sent_at: sent ? isoDateTime(Math.min(now, added + random.int(600, 86_400))) : null,
      contacts_sent_to: sent ? JSON.stringify({ contact_ids: [String(contact)], cc: '' }) : null,
      last_sign_reminder_at:
        !signed && sent && random.chance(0.3) ? isoDateTime(Math.min(now, added + 7 * 86_400)) : null,
    });
    await writer.parentDone();
  }
  await writer.flush();
}
