/**
 * Tasks (tbltasks, polymorphic rel_type/rel_id) with assignees (tbltask_assigned) and followers
 * (tbltask_followers). Project tasks go to project members and milestones; billed ones name an
 * invoice of the project's customer.
 */
import type { ClientDirectory } from './client-directory.ts';
import { atTime, isoDay, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import type { DocumentIndex } from './document-index.ts';
import type { ProjectCard } from './generate-projects.ts';
import type { StaffRoster } from './generate-staff.ts';
import { amount } from './money.ts';
import { pickRecent } from './pick-recent.ts';
import { TASK_REL_TYPES, taskNames } from './task-subjects.ts';

/** What tasks point at. */
export interface TaskLinks {
  readonly staff: StaffRoster;
  readonly clients: ClientDirectory;
  readonly projects: readonly ProjectCard[];
  readonly invoices: DocumentIndex;
}

/** Writes tasks, assignees and followers. */
export async function generateTasks(env: DemoEnv, links: TaskLinks): Promise<void> {
  const { random, writer, timelines, anchorDay, now } = env;
  const activeStaff = links.staff.active.map((s) => s.id);
  const relTypes = TASK_REL_TYPES.map((entry) => [entry, entry[1]] as const);
  for (let id = 1; id <= env.counts.tasks; id++) {
    const day = timelines.tasks.dayOf(id);
    const [picked, , kind] = random.weighted(relTypes);
    const relId = kind === null ? 0 : pickRecent(env, kind, day, kind === 'projects' ? 240 : 60);
    const relType = relId === 0 ? null : picked;
    const project = relType === 'project' ? links.projects[relId - 1] : undefined;
    const startDay = Math.min(anchorDay, Math.max(day, project?.startDay ?? day) + random.int(0, 3));
    const dueDay = random.chance(0.8) ? startDay + random.int(1, 30) : null;
    const old = anchorDay - startDay > 45;
    const status = old
      ? random.weighted([
          [5, 85],
          [4, 5],
          [3, 5],
          [2, 5],
        ] as const)
      : random.weighted([
          [1, 25],
          [4, 30],
          [2, 10],
          [3, 10],
          [5, 25],
        ] as const);
    const finishedAt =
      status === 5
        ? Math.min(
            now,
            atTime(startDay + random.int(0, (dueDay ?? startDay + 10) - startDay + 10), random.officeSecond()),
          )
        : null;
    const fromContact = project !== undefined && random.chance(0.03);
    const client = project !== undefined ? links.clients.get(project.clientId) : undefined;
    const addedBy =
      fromContact && client !== undefined
        ? links.clients.pickContact(client, random)
        : random.pick(links.staff.members).id;
    const billable = project !== undefined && random.chance(0.5);
    const invoiceId =
      billable && finishedAt !== null && client !== undefined && random.chance(0.4)
        ? links.invoices.findLinkable(client.id, Math.floor(finishedAt / 86_400), Math.floor(finishedAt / 86_400) + 45)
        : 0;
    const milestones = project?.milestones ?? [];
    const milestone =
      milestones.length > 0 && random.chance(0.75)
        ? (milestones.find((m) => m.startDay <= startDay && startDay <= m.dueDay) ?? random.pick(milestones)).id
        : 0;
    const recurring = relType === null && random.chance(0.2);
    writer.add('tbltasks', {
      id,
      name: random.pick(taskNames(relType)),
      description: random.chance(0.6) ? random.html(1) : '',
      priority: random.weighted([
        [1, 20],
        [2, 45],
        [3, 25],
        [4, 10],
      ] as const),
      dateadded: isoDateTime(atTime(day, random.officeSecond())),
      startdate: isoDay(startDay),
      duedate: dueDay === null ? null : isoDay(dueDay),
      datefinished: finishedAt === null ? null : isoDateTime(finishedAt),
      addedfrom: addedBy,
      is_added_from_contact: fromContact ? 1 : 0,
      status,
      recurring_type: recurring ? 'week' : null,
      repeat_every: recurring ? 1 : null,
      recurring: recurring ? 1 : 0,
      is_recurring_from: null,
      custom_recurring: recurring ? 1 : 0,
      rel_id: relType === null ? null : relId,
      rel_type: relType,
      is_public: random.chance(0.1) ? 1 : 0,
      billable: billable ? 1 : 0,
      billed: invoiceId > 0 ? 1 : 0,
      invoice_id: invoiceId,
      hourly_rate: billable ? amount(random.int(60, 150) * 100) : 0,
      milestone,
      kanban_order: random.int(1, 50),
      milestone_order: milestone > 0 ? random.int(1, 20) : 0,
      visible_to_client: fromContact || (project !== undefined && random.chance(0.3)) ? 1 : 0,
      deadline_notified: dueDay !== null && dueDay < anchorDay && status !== 5 ? 1 : 0,
    });
    const pool = project !== undefined ? project.members : activeStaff;
    const assignees = random.sample(
      pool,
      random.weighted([
        [0, 8],
        [1, 70],
        [2, 22],
      ] as const),
    );
    for (const staffId of assignees) {
      writer.add('tbltask_assigned', {
        id: env.ids.next('tbltask_assigned'),
        staffid: staffId,
        taskid: id,
        assigned_from: fromContact ? addedBy : random.pick(links.staff.members).id,
        is_assigned_from_contact: fromContact ? 1 : 0,
      });
    }
    if (random.chance(0.3)) {
      for (const staffId of random.sample(
        pool.filter((s) => !assignees.includes(s)),
        random.int(1, 2),
      )) {
        writer.add('tbltask_followers', { id: env.ids.next('tbltask_followers'), staffid: staffId, taskid: id });
      }
    }
    await writer.parentDone();
  }
  await writer.flush();
}
