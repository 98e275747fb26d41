/**
 * Proposals (tblproposals, lines with rel_type 'proposal'), addressed to a customer or to a lead
 * (polymorphic rel_type 'customer' / 'lead' + rel_id), the recipient's details copied into the row.
 * Status 1 Open, 2 Declined, 3 Accepted, 4 Sent, 5 Revised, 6 Draft; accepted customer proposals
 * may have become an estimate or an invoice of the same customer.
 */
import { addDocumentLines } from './add-document-lines.ts';
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import type { DocumentIndex } from './document-index.ts';
import { pickTotals, quantityLabel, totalsColumns } from './document-extras.ts';
import { documentLines, type DocumentKind } from './document-lines.ts';
import type { LeadCard } from './generate-leads.ts';
import type { StaffRoster } from './generate-staff.ts';

/** What proposals point at. */
export interface ProposalLinks {
  readonly staff: StaffRoster;
  readonly clients: ClientDirectory;
  readonly leads: readonly LeadCard[];
  readonly estimates: DocumentIndex;
  readonly invoices: DocumentIndex;
}

const SUBJECTS = [
  'Website Redesign Proposal',
  'Managed Hosting Proposal',
  'SEO Services',
  'Mobile App Development',
  'IT Support Agreement',
  'E-commerce Platform',
  'Brand Refresh',
];

interface Recipient {
  readonly relType: 'customer' | 'lead';
  readonly relId: number;
  readonly to: string;
  /** Who signs on the recipient's side. */
  readonly person: string;
  readonly email: string;
  readonly phone: string;
  readonly country: number;
  readonly city: string;
  readonly state: string;
  readonly zip: string;
  readonly address: string;
  readonly currency: number;
}

function pickRecipient(env: DemoEnv, links: ProposalLinks, day: number): Recipient {
  const existingLeads = env.timelines.leads.countUpTo(day);
  if (existingLeads > 0 && env.random.chance(0.3)) {
    const lead = links.leads[env.random.int(Math.max(0, existingLeads - 60), existingLeads - 1)];
    if (lead !== undefined) {
      return {
        relType: 'lead',
        relId: lead.id,
        to: lead.company || lead.name,
        person: lead.name,
        email: lead.email,
        phone: lead.phone,
        country: lead.country,
        city: lead.city,
        state: lead.state,
        zip: lead.zip,
        address: lead.address,
        currency: 1,
      };
    }
  }
  const c = links.clients.pickExistingOn(day, env.random);
  return {
    relType: 'customer',
    relId: c.id,
    to: c.company,
    person: c.primaryContactName,
    email: c.primaryContactEmail,
    phone: c.phone,
    country: c.country,
    city: c.city,
    state: c.state,
    zip: c.zip,
    address: c.street,
    currency: c.currency,
  };
}

function pickStatus(env: DemoEnv, day: number): number {
  if (env.anchorDay - day < 10)
    return env.random.weighted([
      [6, 20],
      [4, 40],
      [1, 40],
    ] as const);
  return env.random.weighted([
    [3, 35],
    [2, 20],
    [4, 15],
    [1, 15],
    [5, 10],
    [6, 5],
  ] as const);
}

/** Writes proposals and their lines. */
export async function generateProposals(env: DemoEnv, links: ProposalLinks): Promise<void> {
  const { random, writer, timelines, now } = env;
  const { faker } = random;
  const taken = { estimate: new Set<number>(), invoice: new Set<number>() };
  for (let id = 1; id <= env.counts.proposals; id++) {
    const day = timelines.proposals.dayOf(id);
    const to = pickRecipient(env, links, day);
    const status = pickStatus(env, day);
    let estimateId = 0;
    let invoiceId = 0;
    if (status === 3 && to.relType === 'customer') {
      const target = random.weighted([
        ['estimate', 40],
        ['invoice', 30],
        ['none', 30],
      ] as const);
      if (target === 'estimate') estimateId = links.estimates.findLinkable(to.relId, day, day + 30, taken.estimate);
      if (target === 'invoice') invoiceId = links.invoices.findLinkable(to.relId, day, day + 30, taken.invoice);
    }
    if (estimateId > 0) taken.estimate.add(estimateId);
    if (invoiceId > 0) taken.invoice.add(invoiceId);
    const source: [DocumentKind, number] =
      estimateId > 0 ? ['estimate', estimateId] : invoiceId > 0 ? ['invoice', invoiceId] : ['proposal', id];
    const lines = documentLines(env.seed, ...source);
    const { totals, discountPercent } = pickTotals(random, lines);
    const created = atTime(day, random.officeSecond());
    const convertedDay =
      estimateId > 0 ? links.estimates.dayOf(estimateId) : invoiceId > 0 ? links.invoices.dayOf(invoiceId) : null;
    const accepted = status === 3 && random.chance(0.6);
    const [firstname = '', lastname = ''] = to.person.split(' ');
    writer.add('tblproposals', {
      id,
      subject: random.pick(SUBJECTS),
      content: `{proposal_items}\n${random.html(random.int(2, 4))}`,
      addedfrom: random.pick(links.staff.members).id,
      datecreated: isoDateTime(created),
      ...totalsColumns(totals, discountPercent),
      show_quantity_as: quantityLabel(lines),
      currency: to.currency,
      open_till: isoDay(day + random.pick([7, 14, 30])),
      date: isoDay(day),
      rel_id: to.relId,
      rel_type: to.relType,
      assigned: random.chance(0.85) ? random.pick(links.staff.active).id : 0,
      hash: random.md5(),
      proposal_to: to.to.slice(0, 191),
      project_id: null,
      country: to.country,
      zip: to.zip,
      state: to.state,
      city: to.city,
      address: to.address,
      email: to.email,
      phone: to.phone,
      allow_comments: 1,
      status,
      estimate_id: estimateId > 0 ? estimateId : null,
      invoice_id: invoiceId > 0 ? invoiceId : null,
      date_converted: convertedDay === null ? null : isoDateTime(atTime(convertedDay, random.officeSecond())),
      pipeline_order: random.int(1, 10),
      is_expiry_notified: 0,
      acceptance_firstname: accepted ? firstname : null,
      acceptance_lastname: accepted ? lastname : null,
      acceptance_email: accepted ? to.email : null,
      acceptance_date: accepted ? isoDateTime(Math.min(now, created + random.int(1, 10) * 86_400)) : null,
      acceptance_ip: accepted ? faker.internet.ipv4() : null,
      signature: accepted ? `signature_${random.alnum(8).toLowerCase()}.png` : null,
      short_link: null,
    });
    addDocumentLines(env, 'proposal', id, lines);
    await writer.parentDone();
  }
  await writer.flush();
}
