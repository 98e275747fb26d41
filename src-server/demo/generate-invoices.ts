/**
 * Invoices (tblinvoices) with their lines (tblitemable/tblitem_tax, rel_type 'invoice') and
 * payments (tblinvoicepaymentrecords), written in batches of parent invoices. Totals, payments and
 * status always agree: subtotal = Σ qty × rate, total_tax = Σ line taxes, total = subtotal +
 * total_tax − discount_total + adjustment, Σ payments ≤ total, status from the payments.
 */
import { addDocumentLines } from './add-document-lines.ts';
import { billingColumns } from './billing-address.ts';
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime, ZERO_DATE } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { pickTotals, quantityLabel, totalsColumns } from './document-extras.ts';
import { documentLines } from './document-lines.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';
import type { SubscriptionCard } from './generate-subscriptions.ts';
import { DocumentIndex } from './document-index.ts';
import { amount } from './money.ts';
import { phpSerialize } from './php-serialize.ts';
import { invoiceStatus, planPayments, type PlannedPayment } from './plan-payments.ts';
import { RecurringInvoices } from './recurring-invoices.ts';

/** Invoices_model::STATUS_DRAFT_NUMBER: drafts wait for a real number. */
export const DRAFT_NUMBER = 1_000_000_000;

const TERMS = 'Payment is due within the agreed terms. Please include the invoice number with your payment.';
/** Offline modes are tblpayment_modes ids as strings; online gateways are stored by their id. */
const PAYMENT_MODES: readonly string[] = ['1', '2', '3', 'stripe', 'paypal'];

/** What invoices point at. */
export interface InvoiceLinks {
  readonly staff: StaffRoster;
  readonly clients: ClientDirectory;
  readonly projectsOf: ReadonlyMap<number, readonly ProjectCard[]>;
  readonly subscriptionsOf: ReadonlyMap<number, readonly SubscriptionCard[]>;
}

function addPayments(
  env: DemoEnv,
  invoiceId: number,
  payments: readonly PlannedPayment[],
  modes: readonly string[],
): void {
  const { random } = env;
  for (const payment of payments) {
    const mode = random.pick(modes);
    const transaction =
      mode === 'stripe'
        ? `ch_${random.alnum(24)}`
        : mode === 'paypal'
          ? `PAYID-${random.alnum(24).toUpperCase()}`
          : null;
    env.writer.add('tblinvoicepaymentrecords', {
      id: env.ids.next('tblinvoicepaymentrecords'),
      invoiceid: invoiceId,
      amount: amount(payment.amountCents),
      paymentmode: mode,
      paymentmethod: mode === '1' && random.chance(0.3) ? 'Wire transfer' : '',
      date: isoDay(payment.day),
      daterecorded: isoDateTime(atTime(payment.day, random.officeSecond())),
      note: random.chance(0.1) ? random.faker.lorem.sentence() : '',
      transactionid: transaction ?? (random.chance(0.2) ? `REF${random.int(100000, 999999)}` : null),
    });
  }
}

/** Writes invoices, their lines and payments; returns an index of who each invoice belongs to. */
export async function generateInvoices(env: DemoEnv, links: InvoiceLinks): Promise<DocumentIndex> {
  const { random, writer, timelines, anchorDay, now } = env;
  const { staff, clients } = links;
  // Drafts and cancelled invoices are never the target of a conversion or a billed expense.
  const index = new DocumentIndex(timelines.invoices, clients.clients.length, new Set([1, 2, 3, 4]));
  const recurring = new RecurringInvoices();
  let lastNumber = 0;
  for (let id = 1; id <= env.counts.invoices; id++) {
    const day = timelines.invoices.dayOf(id);
    const client = clients.pickExistingOn(day, random);
    const parentId = recurring.takeCycle(client.id, day);
    const lines = documentLines(env.seed, 'invoice', parentId > 0 ? parentId : id);
    const recurringColumns =
      parentId > 0 ? { recurring: 0, cycles: 0 } : recurring.maybeStart(random, id, client.id, day);
    const { totals, discountPercent } = pickTotals(random, lines);
    const draft = anchorDay - day <= 45 && random.chance(0.3);
    const cancelled = !draft && random.chance(0.02);
    const dueDay = day + random.pick([7, 14, 15, 30, 30, 30, 45, 60]);
    const payments = draft || cancelled ? [] : planPayments(random, totals.totalCents, day, dueDay, anchorDay);
    const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
    const status = draft ? 6 : cancelled ? 5 : invoiceStatus(paid, totals.totalCents, dueDay, anchorDay);
    const number = draft ? DRAFT_NUMBER : ++lastNumber;
    const created = Math.min(now, atTime(day + (random.chance(0.1) ? random.int(1, 3) : 0), random.officeSecond()));
    const sent = !draft && random.chance(0.92);
    const projects = (links.projectsOf.get(client.id) ?? []).filter((p) => p.startDay <= day && day <= p.endDay + 30);
    const subscription = (links.subscriptionsOf.get(client.id) ?? []).find(
      (s) => s.fromDay !== null && s.fromDay <= day && (s.toDay === null || day <= s.toDay),
    );
    const allowedModes = random.sample(
      PAYMENT_MODES,
      random.weighted([
        [1, 30],
        [2, 50],
        [3, 20],
      ] as const),
    );
    const overdueReminder =
      status === 4 && random.chance(0.6)
        ? isoDay(Math.min(anchorDay, dueDay + random.int(1, 10)))
        : random.chance(0.03)
          ? ZERO_DATE
          : null;
    writer.add('tblinvoices', {
      id,
      sent: sent ? 1 : 0,
      datesend: sent ? isoDateTime(Math.min(now, created + random.int(60, 86_400))) : null,
      clientid: client.id,
      deleted_customer_name: null,
      number,
      prefix: 'INV-',
      number_format: 1,
      formatted_number: draft ? 'INV-DRAFT' : `INV-${String(number).padStart(6, '0')}`,
      datecreated: isoDateTime(created),
      date: isoDay(day),
      duedate: isoDay(dueDay),
      currency: client.currency,
      ...totalsColumns(totals, discountPercent),
      addedfrom: random.pick(staff.members).id,
      hash: random.md5(),
      status,
      clientnote: random.chance(0.3) ? random.faker.lorem.sentence() : '',
      adminnote: random.chance(0.1) ? random.faker.lorem.sentence() : '',
      last_overdue_reminder: overdueReminder,
      last_due_reminder: random.chance(0.02) ? ZERO_DATE : null,
      cancel_overdue_reminders: cancelled ? 1 : 0,
      allowed_payment_modes: phpSerialize(allowedModes),
      token: null,
      ...recurringColumns,
      is_recurring_from: parentId > 0 ? parentId : null,
      last_recurring_date: null,
      terms: random.chance(0.6) ? TERMS : '',
      sale_agent: random.chance(0.7) ? random.pick(staff.active).id : 0,
      ...billingColumns(client, random.chance(0.1)),
      show_shipping_on_invoice: 1,
      show_quantity_as: quantityLabel(lines),
      project_id: projects.length > 0 && random.chance(0.5) ? random.pick(projects).id : 0,
      subscription_id: subscription !== undefined && random.chance(0.6) ? subscription.id : 0,
      short_link: null,
    });
    addDocumentLines(env, 'invoice', id, lines);
    addPayments(env, id, payments, allowedModes);
    index.record(id, client.id, status);
    await writer.parentDone();
  }
  await writer.execute(recurring.fixUps());
  return index;
}
