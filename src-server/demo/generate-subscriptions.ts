/** Stripe subscriptions (tblsubscriptions); invoices they bill carry their id (subscription_id). */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import type { StaffRoster } from './generate-staff.ts';
import type { ProjectCard } from './generate-projects.ts';

/** A subscription, for invoices billed by it. */
export interface SubscriptionCard {
  readonly id: number;
  readonly clientId: number;
  /** Day it started billing, or null when the customer never subscribed. */
  readonly fromDay: number | null;
  /** Day it was cancelled, or null while it runs. */
  readonly toDay: number | null;
}

const PLANS = [
  'Managed Hosting',
  'Website Care Plan',
  'SEO Retainer',
  'Support Plan',
  'Email Marketing',
  'Cloud Backup',
];
const STATUSES = [
  ['active', 55],
  ['past_due', 5],
  ['canceled', 15],
  ['incomplete', 5],
  ['trialing', 5],
  [null, 15],
] as const;

/** Writes tblsubscriptions; returns the subscriptions by customer id. */
export async function generateSubscriptions(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
  projectsOf: ReadonlyMap<number, readonly ProjectCard[]>,
): Promise<Map<number, SubscriptionCard[]>> {
  const { random, writer, timelines, anchorDay, now } = env;
  const byClient = new Map<number, SubscriptionCard[]>();
  for (let id = 1; id <= env.counts.subscriptions; id++) {
    const createdDay = timelines.subscriptions.dayOf(id);
    const client = clients.pickExistingOn(createdDay, random);
    const created = atTime(createdDay, random.officeSecond());
    const status = random.weighted(STATUSES);
    const subscribed = status !== null;
    const fromDay = subscribed ? Math.min(anchorDay, createdDay + random.int(0, 10)) : null;
    const toDay = status === 'canceled' && fromDay !== null ? Math.min(anchorDay, fromDay + random.int(60, 500)) : null;
    const nextCycle =
      status === 'active' || status === 'past_due' || status === 'trialing'
        ? (anchorDay + random.int(1, 30)) * 86_400
        : null;
    const taxed = random.chance(0.6);
    const projects = projectsOf.get(client.id) ?? [];
    writer.add('tblsubscriptions', {
      id,
      name: random.pick(PLANS),
      description: random.chance(0.5) ? random.faker.lorem.sentence() : '',
      description_in_item: random.chance(0.3) ? 1 : 0,
      clientid: client.id,
      date: fromDay === null ? null : isoDay(fromDay),
      terms: '',
      currency: client.currency,
      tax_id: taxed ? 1 : 0,
      stripe_tax_id: taxed ? `txr_${random.alnum(24)}` : null,
      tax_id_2: 0,
      stripe_tax_id_2: null,
      stripe_plan_id: `price_${random.alnum(24)}`,
      stripe_subscription_id: subscribed ? `sub_${random.alnum(14)}` : '',
      next_billing_cycle: nextCycle,
      ends_at: toDay === null ? null : toDay * 86_400,
      status,
      quantity: random.weighted([
        [1, 80],
        [2, 10],
        [5, 10],
      ] as const),
      project_id: projects.length > 0 && random.chance(0.3) ? random.pick(projects).id : 0,
      hash: random.md5(),
      created: isoDateTime(created),
      created_from: random.pick(staff.members).id,
      date_subscribed: fromDay === null ? null : isoDateTime(Math.min(now, atTime(fromDay, random.officeSecond()))),
      in_test_environment: random.chance(0.05) ? 1 : 0,
      last_sent_at: random.chance(0.7) ? isoDateTime(created + 600) : null,
    });
    const list = byClient.get(client.id) ?? [];
    list.push({ id, clientId: client.id, fromDay, toDay });
    byClient.set(client.id, list);
    await writer.parentDone();
  }
  await writer.flush();
  return byClient;
}
