/**
 * Leads (tblleads). Converted leads point at their customer (client_id, date_converted, status 1
 * "Customer") and the customer points back (tblclients.leadid, set by generateClients).
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, dayOfTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { LEAD_SOURCES, LEAD_STATUSES } from './generate-lookups.ts';
import type { StaffRoster } from './generate-staff.ts';
import { amount } from './money.ts';

/** What a proposal addressed to a lead copies from it. */
export interface LeadCard {
  readonly id: number;
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phone: string;
  readonly country: number;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly address: string;
  readonly createdAt: number;
  readonly converted: boolean;
}

const OPEN_STATUSES = LEAD_STATUSES.map((_, i) => i + 1).filter((id) => id !== 1);

/** Writes tblleads; returns a card per lead (index = id − 1). */
export async function generateLeads(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
  convertedLeads: ReadonlyMap<number, number>,
): Promise<LeadCard[]> {
  const { random, writer, timelines, now } = env;
  const { faker } = random;
  const cards: LeadCard[] = [];
  for (let id = 1; id <= env.counts.leads; id++) {
    const createdAt = atTime(timelines.leads.dayOf(id), random.officeSecond());
    const clientId = convertedLeads.get(id) ?? 0;
    const client = clientId > 0 ? clients.get(clientId) : undefined;
    const name = client?.primaryContactName ?? faker.person.fullName();
    const company = client?.company ?? (random.chance(0.75) ? faker.company.name() : '');
    const email =
      client?.primaryContactEmail ??
      faker.internet.email({ firstName: name.split(' ')[0], lastName: name.split(' ')[1] }).toLowerCase();
    const status = client !== undefined ? 1 : random.pick(OPEN_STATUSES);
    const lost = client === undefined && random.chance(0.08);
    const junk = client === undefined && !lost && random.chance(0.04);
    const assigned = random.chance(0.8) ? random.pick(staff.active).id : 0;
    const lastContact = random.chance(0.7) ? Math.min(now, createdAt + random.int(1, 60) * 86_400) : null;
    const statusChange =
      client !== undefined ? client.createdAt : Math.min(now, createdAt + random.int(0, 90) * 86_400);
    const country =
      client?.country ??
      (random.chance(0.9) ? random.pick([236, 236, 236, 235, 83, 76, 40, 14, random.int(1, 250)]) : 0);
    const card: LeadCard = {
      id,
      name,
      company,
      email,
      country,
      createdAt,
      phone: client?.phone ?? faker.phone.number({ style: 'national' }),
      city: client?.city ?? faker.location.city(),
      state: client?.state ?? (country === 236 ? faker.location.state({ abbreviated: true }) : ''),
      zip: client?.zip ?? faker.location.zipCode(),
      address: (client?.street ?? faker.location.streetAddress()).slice(0, 100),
      converted: client !== undefined,
    };
    writer.add('tblleads', {
      id,
      hash: random.md5(),
      name,
      title: random.chance(0.6) ? faker.person.jobTitle() : '',
      company,
      description: random.chance(0.6) ? faker.lorem.sentences({ min: 1, max: 3 }) : '',
      country,
      zip: card.zip,
      city: card.city,
      state: card.state,
      address: card.address,
      assigned,
      dateadded: isoDateTime(createdAt),
      from_form_id: 0,
      status,
      source: random.int(1, LEAD_SOURCES.length),
      lastcontact: lastContact === null ? null : isoDateTime(lastContact),
      dateassigned: assigned > 0 ? isoDay(dayOfTime(createdAt)) : null,
      last_status_change: isoDateTime(statusChange),
      addedfrom: random.pick(staff.members).id,
      email,
      website: company !== '' && random.chance(0.5) ? faker.internet.url() : '',
      leadorder: random.int(1, 20),
      phonenumber: card.phone,
      date_converted: client === undefined ? null : isoDateTime(client.createdAt),
      lost: lost ? 1 : 0,
      junk: junk ? 1 : 0,
      last_lead_status: lost || junk ? status : 0,
      is_imported_from_email_integration: 0,
      email_integration_uid: null,
      is_public: random.chance(0.3) ? 1 : 0,
      default_language: '',
      client_id: clientId,
      lead_value: random.chance(0.5) ? amount(random.int(5, 400) * 5000) : null,
    });
    cards.push(card);
    await writer.parentDone();
  }
  await writer.flush();
  return cards;
}
