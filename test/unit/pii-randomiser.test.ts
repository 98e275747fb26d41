/** The PII randomiser: deterministic fakes per launch seed, shaped like the originals, fast. */
import { base, en, Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import type { Field, FieldType } from '../../src-server/catalog/catalog.ts';
import { PERFEX_PII_COLUMNS } from '../../src-server/catalog/perfex-knowledge/perfex-pii-columns.ts';
import type { DataType } from '../../src-server/introspect/db-schema.ts';
import { piiKindOf, piiKindOfName, PII_KINDS, type PiiKind } from '../../src-server/pii/pii-kind.ts';
import { createPiiRandomiser } from '../../src-server/pii/pii-randomiser.ts';
import { summarizeToken } from '../../src-server/store/describe-token.ts';

const seedA = Buffer.alloc(32, 1);
const seedB = Buffer.alloc(32, 2);

function field(name: string, type: FieldType = 'string', extra: Partial<Field> = {}): Field {
  return Object.freeze({
    name,
    type,
    dataType: (type === 'string' ? 'varchar' : 'int') as DataType,
    columnType: type === 'string' ? 'varchar(191)' : 'int',
    nullable: true,
    defaultValue: null,
    autoIncrement: false,
    maxLength: type === 'string' ? 191 : null,
    precision: null,
    scale: null,
    unsigned: false,
    enumValues: null,
    flag: false,
    pii: true,
    primaryKey: false,
    writable: true,
    requiredOnCreate: false,
    labels: null,
    ...extra,
  });
}

/** RFC 5322's dot-atom local part at a domain of letters, digits and hyphens (what ajv's `email` format accepts). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const SAMPLES: Record<PiiKind, string> = {
  company: 'Acme Widgets Ltd',
  'first-name': 'John',
  'last-name': 'Smith',
  'full-name': 'John Smith',
  'job-title': 'Head of Sales',
  email: 'john.smith@acme.com',
  phone: '+33 (1) 23-45-67-89',
  street: '12 rue de la Paix',
  city: 'Paris',
  state: 'Île-de-France',
  zip: 'SW1A 1AA',
  country: 'France',
  vat: 'FR12345678901',
  ip: '192.168.10.20',
  website: 'https://www.acme.com/',
  username: 'john.smith',
  coordinate: '48.856613',
  file: 'portrait.jpg',
  text: 'Called about the overdue invoice; he promised to pay by Friday after the board meeting.',
  generic: 'something personal',
};

describe('createPiiRandomiser', () => {
  it('gives the same fake for the same original within a seed, another under another seed', () => {
    const a = createPiiRandomiser(seedA);
    const again = createPiiRandomiser(seedA);
    const b = createPiiRandomiser(seedB);
    for (const kind of PII_KINDS) {
      const original = SAMPLES[kind];
      const fake = a.fake(kind, original);
      expect(fake, kind).not.toBe(original);
      expect(a.fake(kind, original), kind).toBe(fake);
      // A fresh randomiser with the same seed (its cache empty) agrees: the fake is a function of seed, kind and value.
      expect(again.fake(kind, original), kind).toBe(fake);
      if (kind !== 'coordinate') expect(b.fake(kind, original), kind).not.toBe(fake);
    }
  });

  it('maps distinct originals to distinct fakes', () => {
    const pii = createPiiRandomiser(seedA);
    const companies = new Set(Array.from({ length: 500 }, (_, i) => pii.fake('company', `Company ${i}`)));
    expect(companies.size).toBeGreaterThan(490);
    const emails = new Set(Array.from({ length: 500 }, (_, i) => pii.fake('email', `user${i}@host${i % 7}.com`)));
    expect(emails.size).toBe(500);
  });

  it('never shows a real value as its own fake, even when real data comes from the same vocabulary', () => {
    // The demo's companies and names are faker-made, the fakes too: a fake may come out equal to its
    // original (seen in CI: "Pacocha LLC"), and then must be drawn again.
    const vocabulary = new Faker({ locale: [en, base] });
    vocabulary.seed(20261125);
    const pii = createPiiRandomiser(seedA);
    const collisions: string[] = [];
    for (let i = 0; i < 4_000; i++) {
      for (const [kind, original] of [
        ['company', vocabulary.company.name()],
        ['last-name', vocabulary.person.lastName()],
        ['first-name', vocabulary.person.firstName()],
        ['city', vocabulary.location.city()],
      ] as const) {
        if (pii.fake(kind, original).toLowerCase() === original.toLowerCase()) collisions.push(`${kind}: ${original}`);
      }
    }
    expect(collisions).toEqual([]);
  });

  it('is the same fake whichever column holds the value: kinds decide, not columns', () => {
    const pii = createPiiRandomiser(seedA);
    const clientCity = pii.value(field('city'), 'Lyon');
    expect(pii.value(field('billing_city'), 'Lyon')).toBe(clientCity);
    expect(pii.value(field('shipping_city', 'string', { maxLength: 100 }), 'Lyon')).toBe(clientCity);
    // A full name is its first and last names faked one by one, so a ticket's `name` matches the contact.
    const first = pii.value(field('firstname'), 'John');
    const last = pii.value(field('lastname'), 'Smith');
    expect(pii.value(field('name'), 'John Smith')).toBe(`${first} ${last}`);
    expect(pii.value(field('fullname'), 'john smith')).toBe(`${first} ${last}`);
    // The email's local part reuses the fake names, its domain the website's fake domain.
    const email = pii.value(field('email'), 'John.Smith@acme.com') as string;
    expect(
      email.startsWith(
        `${String(first)
          .toLowerCase()
          .replace(/[^a-z]/g, '')}.`,
      ),
    ).toBe(true);
    const website = pii.value(field('website'), 'https://www.acme.com') as string;
    expect(website).toMatch(/^https:\/\/www\.[a-z-]+\.example$/);
    expect(email.endsWith(`@${website.slice('https://www.'.length)}`)).toBe(true);
  });

  it('leaves NULL, empty text, numbers, dates, enums and non-PII columns untouched', () => {
    const pii = createPiiRandomiser(seedA);
    expect(pii.value(field('company'), null)).toBeNull();
    expect(pii.value(field('company'), '')).toBe('');
    expect(pii.value(field('company'), '   ')).toBe('   ');
    expect(pii.value(field('country', 'integer'), 73)).toBe(73);
    expect(pii.value(field('birthday', 'date'), '1980-02-03')).toBe('1980-02-03');
    expect(pii.value(field('state', 'enum'), 'open')).toBe('open');
    expect(pii.value(field('company', 'string', { pii: false }), 'Acme')).toBe('Acme');
    expect(piiKindOf(field('country', 'integer'))).toBeNull();
  });

  it('keeps every fake within the column length, emails still valid', () => {
    const pii = createPiiRandomiser(seedA);
    for (const kind of PII_KINDS) {
      for (const max of [5, 12, 30]) {
        const fake = pii.fake(kind, SAMPLES[kind], max);
        expect(fake.length, `${kind} ≤ ${max}`).toBeLessThanOrEqual(max);
        expect(fake.length, `${kind} ≤ ${max}`).toBeGreaterThan(0);
      }
    }
    for (const max of [20, 30, 100]) {
      for (let i = 0; i < 50; i++) {
        const fake = pii.fake('email', `first.last${i}@some-long-company-domain-name.co.uk`, max);
        expect(fake.length).toBeLessThanOrEqual(max);
        expect(fake, fake).toMatch(EMAIL);
      }
    }
  });

  it('keeps the shape of formatted values and the kind of the others', () => {
    const pii = createPiiRandomiser(seedA);
    const phone = pii.fake('phone', SAMPLES.phone);
    expect(phone.replace(/\d/g, '9')).toBe('+99 (9) 99-99-99-99');
    expect(pii.fake('zip', 'SW1A 1AA')).toMatch(/^[A-Z]{2}\d[A-Z] \d[A-Z]{2}$/);
    expect(pii.fake('vat', 'FR12345678901')).toMatch(/^FR\d{11}$/);
    expect(pii.fake('ip', '10.0.0.1')).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
    expect(pii.fake('ip', '2001:db8::1')).toContain(':');
    expect(pii.fake('coordinate', '48.856613')).toMatch(/^-?\d+\.\d{1,6}$/);
    expect(pii.fake('file', 'portrait.jpg')).toMatch(/\.jpg$/);
    const text = pii.fake('text', SAMPLES.text);
    expect(Math.abs(text.length - SAMPLES.text.length)).toBeLessThanOrEqual(2);
    // Perfex's `cc`: several addresses, each faked (and valid) on its own.
    const cc = pii.fake('email', 'a.b@x.com, c.d@y.org;e@z.net');
    const parts = cc.split(/\s*[,;]\s*/);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part).toMatch(EMAIL);
    expect(parts[0]).toBe(pii.fake('email', 'a.b@x.com'));
  });

  it('reads the kind from the column name for every personal column Perfex has', () => {
    expect(piiKindOfName('company')).toBe('company');
    expect(piiKindOfName('billing_street')).toBe('street');
    expect(piiKindOfName('shipping_zip')).toBe('zip');
    expect(piiKindOfName('phonenumber')).toBe('phone');
    expect(piiKindOfName('acceptance_firstname')).toBe('first-name');
    expect(piiKindOfName('acceptance_ip')).toBe('ip');
    expect(piiKindOfName('email_signature')).toBe('text');
    expect(piiKindOfName('deleted_customer_name')).toBe('company');
    expect(piiKindOfName('staff_name')).toBe('full-name');
    expect(piiKindOfName('renewed_by')).toBe('full-name');
    expect(piiKindOfName('profile_image')).toBe('file');
    expect(piiKindOfName('vat')).toBe('vat');
    expect(piiKindOfName('description')).toBe('text');
    expect(piiKindOfName('postal_code')).toBe('zip');
    // Every column of the Perfex list gets a kind; only a handful fall back to the generic fake.
    const columns = Object.values(PERFEX_PII_COLUMNS)
      .flat()
      .filter((c) => !c.endsWith('*'));
    const generic = columns.filter((c) => piiKindOfName(c) === 'generic');
    expect(generic).toEqual(['contacts']);
  });

  it('is fast: µs per value, uncached and cached', () => {
    const pii = createPiiRandomiser(seedA);
    const fields = [
      'company',
      'firstname',
      'lastname',
      'email',
      'phonenumber',
      'address',
      'city',
      'zip',
      'vat',
      'website',
    ].map((n) => field(n));
    const n = 2000;
    let started = performance.now();
    for (let i = 0; i < n; i++) for (const f of fields) pii.value(f, `${f.name} value ${i}@x${i}.com`);
    const missUs = ((performance.now() - started) * 1000) / (n * fields.length);
    started = performance.now();
    for (let i = 0; i < n; i++) for (const f of fields) pii.value(f, `${f.name} value ${i % 100}@x${i % 100}.com`);
    const hitUs = ((performance.now() - started) * 1000) / (n * fields.length);
    console.warn(`PII randomiser: ${missUs.toFixed(1)} µs per new value, ${hitUs.toFixed(2)} µs per cached value`);
    expect(missUs).toBeLessThan(200);
    expect(hitUs).toBeLessThan(missUs);
  });
});

describe('summarizeToken', () => {
  it('marks sandbox tokens', () => {
    const grants = { scopes: ['rest' as const], read: '*' as const, create: [], update: [], delete: [] };
    expect(summarizeToken({ grants, sandbox: true })).toBe('*: r; sandbox');
    expect(summarizeToken({ grants, sandbox: false })).toBe('*: r');
  });
});
