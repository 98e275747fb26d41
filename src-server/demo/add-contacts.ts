/** The contacts of one customer (tblcontacts): the first is the primary contact, the only one. */
import { isoDateTime } from './demo-calendar.ts';
import type { DemoEnv } from './demo-env.ts';

/** The customer the contacts belong to. */
export interface ContactsRequest {
  readonly clientId: number;
  /** Unix seconds the customer was created: the primary contact was created with it. */
  readonly createdAt: number;
  readonly domain: string;
  readonly selfRegistered: boolean;
  /** Addresses already used: Perfex requires a contact e-mail to be unique. */
  readonly emails: Set<string>;
}

/** What the customer card keeps about its contacts. */
export interface ContactsSummary {
  readonly count: number;
  readonly primaryName: string;
  readonly primaryEmail: string;
}

/** Queues 1–4 contacts for a customer and returns how many, and who the primary is. */
export function addContacts(env: DemoEnv, request: ContactsRequest): ContactsSummary {
  const { random, writer } = env;
  const { faker } = random;
  const { now } = env;
  const count = random.weighted([
    [1, 45],
    [2, 30],
    [3, 15],
    [4, 10],
  ] as const);
  let primaryName = '';
  let primaryEmail = '';
  for (let i = 0; i < count; i++) {
    const id = env.ids.next('tblcontacts');
    const firstname = faker.person.firstName();
    const lastname = faker.person.lastName();
    const local = `${firstname}.${lastname}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    let email = `${local}@${request.domain}`;
    if (request.emails.has(email)) email = `${local}${id}@${request.domain}`;
    request.emails.add(email);
    const createdAt = i === 0 ? request.createdAt : Math.min(now, request.createdAt + random.int(1, 400) * 86_400);
    const loggedIn = random.chance(0.7);
    const lastLogin = Math.min(now, createdAt + random.int(0, 700) * 86_400 + random.int(0, 36_000));
    const verified = !request.selfRegistered || random.chance(0.8);
    const resetRequested = random.chance(0.03);
    if (i === 0) {
      primaryName = `${firstname} ${lastname}`;
      primaryEmail = email;
    }
    writer.add('tblcontacts', {
      id,
      userid: request.clientId,
      is_primary: i === 0 ? 1 : 0,
      firstname,
      lastname,
      email,
      phonenumber: random.chance(0.8) ? faker.phone.number({ style: 'national' }) : '',
      title: random.chance(0.7) ? faker.person.jobTitle() : '',
      datecreated: isoDateTime(createdAt),
      password: random.bcrypt(),
      new_pass_key: resetRequested ? random.md5() : null,
      new_pass_key_requested: resetRequested ? isoDateTime(lastLogin) : null,
      email_verified_at: verified ? isoDateTime(createdAt + random.int(0, 3600)) : null,
      email_verification_key: verified ? null : random.md5(),
      email_verification_sent_at: verified ? null : isoDateTime(createdAt),
      last_ip: loggedIn ? faker.internet.ipv4() : null,
      last_login: loggedIn ? isoDateTime(lastLogin) : null,
      last_password_change: loggedIn && random.chance(0.3) ? isoDateTime(lastLogin) : null,
      active: random.chance(0.95) ? 1 : 0,
      profile_image: random.chance(0.15) ? `${faker.string.alphanumeric(10).toLowerCase()}.png` : null,
      direction: '',
      invoice_emails: random.chance(0.9) ? 1 : 0,
      estimate_emails: random.chance(0.9) ? 1 : 0,
      credit_note_emails: random.chance(0.9) ? 1 : 0,
      contract_emails: random.chance(0.9) ? 1 : 0,
      task_emails: random.chance(0.8) ? 1 : 0,
      project_emails: random.chance(0.8) ? 1 : 0,
      ticket_emails: random.chance(0.9) ? 1 : 0,
    });
  }
  return { count, primaryName, primaryEmail };
}
