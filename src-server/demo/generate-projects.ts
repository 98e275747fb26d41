/** Projects (tblprojects) with their members (tblproject_members) and milestones (tblmilestones). */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import type { StaffRoster } from './generate-staff.ts';
import { amount } from './money.ts';
import { phpSerialize } from './php-serialize.ts';

/** A milestone, for placing tasks in it. */
export interface MilestoneCard {
  readonly id: number;
  readonly startDay: number;
  readonly dueDay: number;
}

/** A project as later generators see it. */
export interface ProjectCard {
  readonly id: number;
  readonly clientId: number;
  readonly status: number;
  readonly startDay: number;
  /** The last day work happened: finish date, deadline, or the anchor day. */
  readonly endDay: number;
  readonly members: readonly number[];
  readonly milestones: readonly MilestoneCard[];
}

const NAMES = [
  'Website Redesign',
  'Mobile App',
  'SEO Campaign',
  'CRM Integration',
  'E-commerce Platform',
  'Infrastructure Upgrade',
  'Brand Identity',
  'Hosting Migration',
  'Intranet Portal',
  'Data Migration',
  'Customer Portal',
  'Marketing Automation',
];
const MILESTONES = ['Discovery', 'Design', 'Development', 'Testing', 'Launch', 'Training', 'Handover'];
const COLORS = ['#28B8DA', '#84c529', '#ff6f00', '#e91e63', '#9c27b0', null];

/** Writes projects, members and milestones; returns a card per project (index = id − 1). */
export async function generateProjects(
  env: DemoEnv,
  staff: StaffRoster,
  clients: ClientDirectory,
): Promise<ProjectCard[]> {
  const { random, writer, timelines, anchorDay } = env;
  const { faker } = random;
  const cards: ProjectCard[] = [];
  for (let id = 1; id <= env.counts.projects; id++) {
    const createdDay = timelines.projects.dayOf(id);
    const client = clients.pickExistingOn(createdDay, random);
    const startDay = Math.min(anchorDay, createdDay + random.int(0, 14));
    const deadline = random.chance(0.85) ? startDay + random.int(30, 240) : null;
    const age = anchorDay - startDay;
    const status =
      age > 200
        ? random.weighted([
            [4, 75],
            [5, 10],
            [3, 5],
            [2, 10],
          ] as const)
        : random.weighted([
            [1, 20],
            [2, 55],
            [3, 10],
            [4, 15],
          ] as const);
    let finishedAt: number | null = null;
    if (status === 4) {
      const planned = (deadline ?? startDay + 120) - startDay;
      finishedAt = atTime(Math.min(anchorDay, startDay + random.int(20, planned + 30)), random.officeSecond());
    }
    const endDay = finishedAt !== null ? Math.floor(finishedAt / 86_400) : Math.min(anchorDay, deadline ?? anchorDay);
    const billingType = random.weighted([
      [1, 45],
      [2, 30],
      [3, 25],
    ] as const);
    const members = random.sample(
      staff.active.map((s) => s.id),
      random.int(2, 5),
    );
    const notify = random.chance(0.8) ? 1 : 2;
    writer.add('tblprojects', {
      id,
      name: `${random.pick(NAMES)}${random.chance(0.2) ? ` - Phase ${random.int(2, 3)}` : ''}`,
      description: random.html(random.int(1, 2)),
      status,
      clientid: client.id,
      billing_type: billingType,
      start_date: isoDay(startDay),
      deadline: deadline === null ? null : isoDay(deadline),
      project_created: isoDay(createdDay),
      date_finished: finishedAt === null ? null : isoDateTime(finishedAt),
      progress: status === 4 ? 100 : status === 1 ? 0 : random.int(5, 95),
      progress_from_tasks: random.chance(0.8) ? 1 : 0,
      project_cost: billingType === 1 ? amount(random.int(20, 400) * 10_000) : null,
      project_rate_per_hour: billingType === 2 ? amount(random.int(60, 150) * 100) : null,
      estimated_hours: random.chance(0.6) ? random.int(20, 600) : null,
      addedfrom: random.pick(staff.members).id,
      contact_notification: notify,
      notify_contacts: phpSerialize(notify === 2 ? [String(client.firstContactId)] : []),
    });
    for (const staffId of members) {
      writer.add('tblproject_members', { id: env.ids.next('tblproject_members'), project_id: id, staff_id: staffId });
    }
    const milestones: MilestoneCard[] = [];
    const span = (deadline ?? startDay + 120) - startDay;
    const milestoneCount = random.weighted([
      [0, 20],
      [2, 25],
      [3, 30],
      [4, 15],
      [5, 10],
    ] as const);
    for (let m = 0; m < milestoneCount; m++) {
      const milestoneId = env.ids.next('tblmilestones');
      const from = startDay + Math.floor((span * m) / milestoneCount);
      const due = startDay + Math.floor((span * (m + 1)) / milestoneCount);
      writer.add('tblmilestones', {
        id: milestoneId,
        name: MILESTONES[m] ?? `Milestone ${m + 1}`,
        description: random.chance(0.5) ? faker.lorem.sentence() : '',
        description_visible_to_customer: random.chance(0.3) ? 1 : 0,
        start_date: isoDay(from),
        due_date: isoDay(due),
        project_id: id,
        color: random.pick(COLORS),
        milestone_order: m + 1,
        datecreated: isoDay(createdDay),
        hide_from_customer: random.chance(0.1) ? 1 : 0,
      });
      milestones.push({ id: milestoneId, startDay: from, dueDay: due });
    }
    cards.push({ id, clientId: client.id, status, startDay, endDay, members, milestones });
    await writer.parentDone();
  }
  await writer.flush();
  return cards;
}

/** Projects grouped by customer id. */
export function projectsByClient(projects: readonly ProjectCard[]): Map<number, ProjectCard[]> {
  const byClient = new Map<number, ProjectCard[]>();
  for (const project of projects) {
    const list = byClient.get(project.clientId) ?? [];
    list.push(project);
    byClient.set(project.clientId, list);
  }
  return byClient;
}
