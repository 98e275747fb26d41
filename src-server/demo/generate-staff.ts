/** Staff members (tblstaff) and their departments (tblstaff_departments). */
import { atTime, isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';
import { DEPARTMENTS } from './generate-lookups.ts';
import { amount } from './money.ts';

/** A staff member as later generators see it. */
export interface StaffMember {
  readonly id: number;
  readonly fullName: string;
  readonly active: boolean;
  readonly hourlyRateCents: number;
}

/** The staff, and the active ones (who get new work assigned). */
export interface StaffRoster {
  readonly members: readonly StaffMember[];
  readonly active: readonly StaffMember[];
}

const SIGNATURE = (name: string, title: string): string => `<p>Best regards,<br>${name}<br>${title}</p>`;

/** Writes tblstaff and tblstaff_departments. Staff #1 and #2 are administrators. */
export async function generateStaff(env: DemoEnv): Promise<StaffRoster> {
  const { random, writer, anchorDay } = env;
  const { faker } = random;
  const count = env.counts.staff;
  const timeline = env.timelines.staff;
  const members: StaffMember[] = [];
  const emails = new Set<string>();
  for (let id = 1; id <= count; id++) {
    const firstname = faker.person.firstName();
    const lastname = faker.person.lastName();
    const fullName = `${firstname} ${lastname}`;
    const admin = id <= 2;
    const active = admin || random.chance(0.92);
    const created = atTime(timeline.dayOf(id), random.officeSecond());
    const lastLogin = active
      ? atTime(anchorDay - random.int(0, 20), random.officeSecond())
      : created + random.int(30, 400) * 86_400;
    const twoFactor = random.weighted([
      [0, 85],
      [1, 10],
      [2, 5],
    ] as const);
    const resetRequested = random.chance(0.04);
    const hourlyRateCents = random.int(35, 140) * 100;
    const slug = `${firstname}-${lastname}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    // Perfex refuses two staff members with one e-mail address.
    let email = `${slug.replace('-', '.')}@example.com`;
    if (emails.has(email)) email = `${slug.replace('-', '.')}${id}@example.com`;
    emails.add(email);
    writer.add('tblstaff', {
      staffid: id,
      email,
      firstname,
      lastname,
      facebook: random.chance(0.2) ? `https://facebook.com/${slug}` : '',
      linkedin: random.chance(0.5) ? `https://linkedin.com/in/${slug}` : '',
      phonenumber: faker.phone.number({ style: 'national' }),
      skype: random.chance(0.2) ? slug.replace('-', '.') : '',
      password: random.bcrypt(),
      datecreated: isoDateTime(created),
      profile_image: random.chance(0.4) ? `${faker.string.alphanumeric(8).toLowerCase()}.jpg` : null,
      last_ip: faker.internet.ipv4(),
      last_login: isoDateTime(Math.max(created, lastLogin)),
      last_activity: isoDateTime(Math.max(created, lastLogin + random.int(60, 7200))),
      last_password_change: random.chance(0.6) ? isoDateTime(created + random.int(1, 200) * 86_400) : null,
      new_pass_key: resetRequested ? random.md5() : null,
      new_pass_key_requested: resetRequested
        ? isoDateTime(atTime(anchorDay - random.int(0, 5), random.officeSecond()))
        : null,
      admin: admin ? 1 : 0,
      role: admin ? null : random.int(1, 4),
      active: active ? 1 : 0,
      default_language: random.chance(0.8) ? '' : random.pick(['english', 'german', 'french', 'spanish']),
      direction: '',
      media_path_slug: slug,
      is_not_staff: !admin && random.chance(0.08) ? 1 : 0,
      hourly_rate: amount(hourlyRateCents),
      two_factor_auth_enabled: twoFactor,
      two_factor_auth_code: null,
      two_factor_auth_code_requested: null,
      email_signature: random.chance(0.6) ? SIGNATURE(fullName, faker.person.jobTitle()) : '',
      google_auth_secret: twoFactor === 2 ? random.base32(16) : null,
    });
    if (!admin) {
      for (const department of random.sample(
        DEPARTMENTS.map((_, i) => i + 1),
        random.weighted([
          [1, 70],
          [2, 30],
        ] as const),
      )) {
        writer.add('tblstaff_departments', {
          staffdepartmentid: env.ids.next('tblstaff_departments'),
          staffid: id,
          departmentid: department,
        });
      }
    }
    members.push({ id, fullName, active, hourlyRateCents });
    await writer.parentDone();
  }
  await writer.flush();
  return { members, active: members.filter((m) => m.active) };
}
