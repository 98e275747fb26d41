/**
 * Expenses (tblexpenses). Internal expenses keep Perfex's `clientid` = 0 ("no customer"); billable
 * ones belong to a customer, sometimes to one of its projects, and once billed name an invoice of
 * that customer dated after the expense.
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import type { DocumentIndex } from './document-index.ts';
import { EXPENSE_CATEGORIES } from './generate-lookups.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';
import { amount } from './money.ts';

/** What expenses point at. */
export interface ExpenseLinks {
  readonly staff: StaffRoster;
  readonly clients: ClientDirectory;
  readonly projectsOf: ReadonlyMap<number, readonly ProjectCard[]>;
  readonly invoices: DocumentIndex;
}

const NAMES: Readonly<Record<string, readonly string[]>> = {
  Travel: ['Flight to client site', 'Hotel stay', 'Train tickets', 'Taxi'],
  Software: ['Design tool subscription', 'Cloud hosting bill', 'IDE licences', 'Stock photos'],
  'Office Supplies': ['Printer paper', 'Stationery', 'Coffee supplies'],
  Hardware: ['Test devices', 'External drives', 'Keyboard and mouse'],
  Marketing: ['Ads campaign', 'Conference booth', 'Printed brochures'],
  Utilities: ['Electricity', 'Internet', 'Phone bill'],
  Meals: ['Client lunch', 'Team dinner'],
  Contractors: ['Freelance developer', 'Copywriter', 'Translator'],
};

/** Writes tblexpenses. */
export async function generateExpenses(env: DemoEnv, links: ExpenseLinks): Promise<void> {
  const { random, writer, timelines, anchorDay, now } = env;
  const billed = new Set<number>();
  for (let id = 1; id <= env.counts.expenses; id++) {
    const day = timelines.expenses.dayOf(id);
    const category = random.int(1, EXPENSE_CATEGORIES.length);
    const name = random.pick(NAMES[EXPENSE_CATEGORIES[category - 1] ?? ''] ?? ['Expense']);
    const client = random.chance(0.55) ? links.clients.pickExistingOn(day, random) : null;
    const projects =
      client === null
        ? []
        : (links.projectsOf.get(client.id) ?? []).filter((p) => p.startDay <= day && day <= p.endDay);
    const billable = client !== null && random.chance(0.6);
    const invoiceId =
      billable && random.chance(0.6) ? links.invoices.findLinkable(client.id, day, day + 60, billed) : 0;
    if (invoiceId > 0) billed.add(invoiceId);
    const recurring = client === null && category === 2 && random.chance(0.5);
    writer.add('tblexpenses', {
      id,
      category,
      currency: client?.currency ?? 1,
      amount: amount(random.int(5, 2000) * 100 + random.int(0, 99)),
      tax: random.chance(0.5) ? random.pick([1, 2, 4]) : null,
      tax2: 0,
      reference_no: random.chance(0.4) ? `EXP-${random.int(10000, 99999)}` : '',
      note: random.chance(0.3) ? random.faker.lorem.sentence() : '',
      expense_name: name,
      clientid: client?.id ?? 0,
      project_id: projects.length > 0 && random.chance(0.5) ? random.pick(projects).id : 0,
      billable: billable ? 1 : 0,
      invoiceid: invoiceId > 0 ? invoiceId : null,
      paymentmode: random.weighted([
        ['1', 40],
        ['2', 20],
        ['3', 5],
        ['', 35],
      ] as const),
      date: isoDay(day),
      recurring_type: recurring ? 'month' : null,
      repeat_every: recurring ? 1 : null,
      recurring: recurring ? 1 : 0,
      cycles: 0,
      total_cycles: recurring ? Math.floor((anchorDay - day) / 30) : 0,
      custom_recurring: recurring ? 1 : 0,
      last_recurring_date: recurring && anchorDay - day >= 30 ? isoDay(anchorDay - ((anchorDay - day) % 30)) : null,
      create_invoice_billable: billable ? (random.chance(0.3) ? 1 : 0) : null,
      send_invoice_to_customer: 0,
      recurring_from: null,
      dateadded: isoDateTime(Math.min(now, atTime(day + random.int(0, 2), random.officeSecond()))),
      addedfrom: random.pick(links.staff.members).id,
    });
    await writer.parentDone();
  }
  await writer.flush();
}
