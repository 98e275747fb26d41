/**
 * Estimates (tblestimates, lines with rel_type 'estimate'). Status 1 Draft, 2 Sent, 3 Declined,
 * 4 Accepted, 5 Expired. Many accepted estimates were converted: invoiceid names an invoice of the
 * same customer dated after the estimate, and the estimate carries that invoice's lines.
 */
import { addDocumentLines } from './add-document-lines.ts';
import { billingColumns } from './billing-address.ts';
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { DocumentIndex } from './document-index.ts';
import { pickTotals, quantityLabel, totalsColumns } from './document-extras.ts';
import { documentLines } from './document-lines.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';

/** What estimates point at. */
export interface EstimateLinks {
  readonly staff: StaffRoster;
  readonly clients: ClientDirectory;
  readonly projectsOf: ReadonlyMap<number, readonly ProjectCard[]>;
  readonly invoices: DocumentIndex;
}

/** Status of an estimate dated `day`, given what the customer did with it. */
function estimateStatus(
  outcome: 'accepted' | 'declined' | 'pending',
  expiryDay: number,
  anchorDay: number,
  draft: boolean,
): number {
  if (outcome === 'accepted') return 4;
  if (outcome === 'declined') return 3;
  if (expiryDay < anchorDay) return 5;
  return draft ? 1 : 2;
}

/** Writes estimates and their lines; returns an index of them (for proposals converted into one). */
export async function generateEstimates(env: DemoEnv, links: EstimateLinks): Promise<DocumentIndex> {
  const { random, writer, timelines, anchorDay, now } = env;
  const { faker } = random;
  const index = new DocumentIndex(timelines.estimates, links.clients.clients.length, new Set([2, 3, 4, 5]));
  const converted = new Set<number>();
  for (let id = 1; id <= env.counts.estimates; id++) {
    const day = timelines.estimates.dayOf(id);
    const client = links.clients.pickExistingOn(day, random);
    const expiryDay = day + random.pick([15, 30, 30, 60]);
    const outcome =
      anchorDay - day < 5
        ? 'pending'
        : random.weighted([
            ['accepted', 50],
            ['declined', 20],
            ['pending', 30],
          ] as const);
    const status = estimateStatus(outcome, expiryDay, anchorDay, random.chance(0.3));
    const invoiceId =
      status === 4 && random.chance(0.6) ? links.invoices.findLinkable(client.id, day, day + 45, converted) : 0;
    if (invoiceId > 0) converted.add(invoiceId);
    const lines = documentLines(env.seed, invoiceId > 0 ? 'invoice' : 'estimate', invoiceId > 0 ? invoiceId : id);
    const { totals, discountPercent } = pickTotals(random, lines);
    const created = atTime(day, random.officeSecond());
    const decidedAt = Math.min(now, created + random.int(1, 20) * 86_400);
    const signedOnline = status === 4 && random.chance(0.5);
    const [firstname = '', lastname = ''] = client.primaryContactName.split(' ');
    const projects = (links.projectsOf.get(client.id) ?? []).filter((p) => p.startDay <= day + 30 && day <= p.endDay);
    writer.add('tblestimates', {
      id,
      sent: status === 1 ? 0 : 1,
      datesend: status === 1 ? null : isoDateTime(Math.min(now, created + random.int(60, 86_400))),
      clientid: client.id,
      deleted_customer_name: null,
      project_id: projects.length > 0 && random.chance(0.3) ? random.pick(projects).id : 0,
      number: id,
      prefix: 'EST-',
      number_format: 1,
      formatted_number: `EST-${String(id).padStart(6, '0')}`,
      hash: random.md5(),
      datecreated: isoDateTime(created),
      date: isoDay(day),
      expirydate: isoDay(expiryDay),
      currency: client.currency,
      ...totalsColumns(totals, discountPercent),
      addedfrom: random.pick(links.staff.members).id,
      status,
      clientnote: random.chance(0.3) ? faker.lorem.sentence() : '',
      adminnote: random.chance(0.1) ? faker.lorem.sentence() : '',
      invoiceid: invoiceId > 0 ? invoiceId : null,
      invoiced_date: invoiceId > 0 ? isoDateTime(atTime(links.invoices.dayOf(invoiceId), random.officeSecond())) : null,
      terms: random.chance(0.5) ? 'This estimate is valid until the expiry date shown above.' : '',
      reference_no: random.chance(0.2) ? `REF-${random.int(1000, 9999)}` : '',
      sale_agent: random.chance(0.7) ? random.pick(links.staff.active).id : 0,
      ...billingColumns(client, random.chance(0.1)),
      show_shipping_on_estimate: 1,
      show_quantity_as: quantityLabel(lines),
      pipeline_order: random.int(1, 10),
      is_expiry_notified: status === 5 ? 1 : 0,
      acceptance_firstname: signedOnline ? firstname : null,
      acceptance_lastname: signedOnline ? lastname : null,
      acceptance_email: signedOnline ? client.primaryContactEmail : null,
      acceptance_date: signedOnline ? isoDateTime(decidedAt) : null,
      acceptance_ip: signedOnline ? faker.internet.ipv4() : null,
      signature: signedOnline ? `signature_${random.alnum(8).toLowerCase()}.png` : null,
      short_link: null,
    });
    addDocumentLines(env, 'estimate', id, lines);
    index.record(id, client.id, status);
    await writer.parentDone();
  }
  await writer.flush();
  return index;
}
