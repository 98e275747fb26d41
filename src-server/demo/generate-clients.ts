/**
 * Customers (tblclients) with their contacts (tblcontacts, exactly one primary each) and groups
 * (tblcustomer_groups). Also decides which leads were converted into which customer.
 */
import countries from '../../resources/demo/countries.json' with { type: 'json' };
import { ClientDirectory, type ClientCard } from './client-directory.ts';
import { addContacts } from './add-contacts.ts';
import { atTime, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { CUSTOMER_GROUPS } from './generate-lookups.ts';
import type { StaffRoster } from './generate-staff.ts';

/** What the customer phase hands to later phases. */
export interface ClientsResult {
  readonly directory: ClientDirectory;
  /** tblleads.id → the tblclients.userid it became. */
  readonly convertedLeads: ReadonlyMap<number, number>;
}

// [tblcountries.country_id, weight]: 0 is Perfex's "not set".
const COUNTRIES = [
  [236, 40],
  [235, 12],
  [83, 8],
  [76, 6],
  [40, 6],
  [14, 5],
  [155, 4],
  [209, 3],
  [109, 3],
  [102, 3],
  [0, 5],
  [-1, 5],
] as const;
const EURO_COUNTRIES = new Set([83, 76, 155, 209, 109]);
const TLD: Readonly<Record<number, string>> = {
  235: 'co.uk',
  83: 'de',
  76: 'fr',
  155: 'nl',
  209: 'es',
  109: 'it',
  40: 'ca',
  14: 'com.au',
};

/** A lead created shortly before `day` that no other customer came from, or 0. */
function pickConvertedLead(env: DemoEnv, day: number, taken: Map<number, number>): number {
  const leads = env.timelines.leads;
  const newest = leads.countUpTo(day - 7);
  const oldest = leads.countUpTo(day - 150) + 1;
  if (newest < oldest) return 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const id = env.random.int(oldest, newest);
    if (!taken.has(id)) return id;
  }
  return 0;
}

/** Writes customers, contacts and customer groups. */
export async function generateClients(env: DemoEnv, staff: StaffRoster): Promise<ClientsResult> {
  const { random, writer, timelines } = env;
  const { faker } = random;
  const cards: ClientCard[] = [];
  const weights: number[] = [];
  const convertedLeads = new Map<number, number>();
  const emails = new Set<string>();
  for (let id = 1; id <= env.counts.clients; id++) {
    const day = timelines.clients.dayOf(id);
    const createdAt = atTime(day, random.officeSecond());
    let country: number = random.weighted(COUNTRIES);
    if (country === -1) country = random.int(1, 250);
    const company = faker.company.name();
    const domain = `${company
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.${TLD[country] ?? 'com'}`;
    const currency = EURO_COUNTRIES.has(country) && random.chance(0.7) ? 2 : 1;
    const street = faker.location.streetAddress();
    const city = faker.location.city();
    const state =
      country === 236 || country === 40 || country === 14 ? faker.location.state({ abbreviated: true }) : '';
    const zip = faker.location.zipCode();
    const phone = faker.phone.number({ style: random.chance(0.5) ? 'national' : 'international' });
    const active = random.chance(0.9);
    const selfRegistered = random.chance(0.06);
    const leadId = random.chance(0.22) ? pickConvertedLead(env, day, convertedLeads) : 0;
    if (leadId > 0) convertedLeads.set(leadId, id);
    const firstContactId = env.ids.current('tblcontacts') + 1;
    const contacts = addContacts(env, { clientId: id, createdAt, domain, selfRegistered, emails });
    writer.add('tblclients', {
      userid: id,
      company,
      vat: random.chance(0.4) ? `${String(countries.rows[country - 1]?.[1] ?? '')}${faker.string.numeric(9)}` : '',
      phonenumber: phone,
      country,
      city,
      zip,
      state,
      address: street,
      website: random.chance(0.6) ? `https://www.${domain}` : '',
      datecreated: isoDateTime(createdAt),
      active: active ? 1 : 0,
      leadid: leadId > 0 ? leadId : null,
      billing_street: street,
      billing_city: city,
      billing_state: state,
      billing_zip: zip,
      billing_country: country,
      shipping_street: '',
      shipping_city: '',
      shipping_state: '',
      shipping_zip: '',
      shipping_country: 0,
      longitude: random.chance(0.2) ? String(faker.location.longitude()) : null,
      latitude: random.chance(0.2) ? String(faker.location.latitude()) : null,
      default_language: random.chance(0.85) ? '' : random.pick(['english', 'german', 'french', 'spanish']),
      default_currency: currency === 2 ? 2 : 0,
      show_primary_contact: random.chance(0.1) ? 1 : 0,
      stripe_id: random.chance(0.25) ? `cus_${random.alnum(14)}` : null,
      registration_confirmed: selfRegistered && random.chance(0.3) ? 0 : 1,
      addedfrom: selfRegistered ? 0 : random.pick(staff.members).id,
    });
    for (const group of random.sample(
      CUSTOMER_GROUPS.map((_, i) => i + 1),
      random.weighted([
        [0, 50],
        [1, 40],
        [2, 10],
      ] as const),
    )) {
      writer.add('tblcustomer_groups', { id: env.ids.next('tblcustomer_groups'), groupid: group, customer_id: id });
    }
    cards.push({
      id,
      company,
      createdAt,
      active,
      currency,
      country,
      street,
      city,
      state,
      zip,
      phone,
      firstContactId,
      contactCount: contacts.count,
      primaryContactName: contacts.primaryName,
      primaryContactEmail: contacts.primaryEmail,
    });
    // A few big accounts, a long tail of small ones.
    weights.push(Math.min(25, 1 / Math.max(0.04, random.faker.number.float({ min: 0, max: 1 }))));
    await writer.parentDone();
  }
  await writer.flush();
  return { directory: new ClientDirectory(cards, weights, timelines.clients), convertedLeads };
}
