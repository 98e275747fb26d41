/**
 * One fake per kind of personal data. Each generator gets a faker already seeded for the original
 * value and a way to fake the parts of composite values (the first and last names inside a full
 * name or an email address, the domain inside a website), so parts agree across columns: the
 * contact "John Smith" and a ticket's `name` "John Smith" show the same fake person.
 * Formatted values (phones, postcodes, VAT numbers) keep their exact shape: every digit becomes a
 * digit and every letter a letter, so length and punctuation survive and the fake still looks right.
 */
import type { Faker } from '@faker-js/faker';
import type { PiiKind } from './pii-kind.ts';

/** Kinds a generator may ask for its parts; `domain` is only ever a part. */
export type FakeKind = PiiKind | 'domain';

export interface FakeTools {
  /** The faker, seeded afresh for the value being faked (parts reseed it, so ask again after one). */
  faker(): Faker;
  /** The faker's own random stream in [0, 1), for per-character work where faker's calls cost ~1 µs each. */
  random(): number;
  /** The fake of a part (cached and deterministic like any value). */
  part(kind: FakeKind, original: string): string;
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** Every digit → a digit, every ASCII letter → a letter of the same case, the rest kept. */
function reshape(tools: FakeTools, original: string): string {
  tools.faker();
  const pick = (chars: string): string => chars.charAt(Math.floor(tools.random() * chars.length));
  let out = '';
  for (const ch of original) {
    if (ch >= '0' && ch <= '9') out += pick(DIGITS);
    else if (ch >= 'a' && ch <= 'z') out += pick(LOWER);
    else if (ch >= 'A' && ch <= 'Z') out += pick(UPPER);
    else out += ch;
  }
  return out;
}

/** Lower-case ASCII letters only (faker names include "O'Keefe" and accents), for email local parts. */
function asciiWord(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Lorem words up to `length` characters (at least one word), capitalised like a sentence. */
function loremOfLength(f: Faker, length: number): string {
  let text = '';
  while (text.length < length) text += (text === '' ? '' : ' ') + f.lorem.word();
  text = text.slice(0, Math.max(length, 1)).trimEnd();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fullName(original: string, tools: FakeTools): string {
  const words = original.trim().split(/\s+/);
  if (words.length === 1) return tools.part('first-name', words[0] ?? '');
  return words.map((word, i) => tools.part(i === words.length - 1 ? 'last-name' : 'first-name', word)).join(' ');
}

function emailAddress(original: string, tools: FakeTools): string {
  const at = original.lastIndexOf('@');
  if (at <= 0) return loremOfLength(tools.faker(), original.length);
  const local = original.slice(0, at);
  const domain = tools.part('domain', original.slice(at + 1));
  const words = local.split(/[._+-]+/).filter((w) => /[a-z]/i.test(w));
  const first = words[0];
  const last = words.length > 1 ? words.at(-1) : undefined;
  const names: string[] = [];
  if (first !== undefined) {
    const name = asciiWord(tools.part('first-name', first)) || 'user';
    // An initial ("j.smith") stays an initial.
    names.push(first.replace(/[^a-z]/gi, '').length === 1 ? name.charAt(0) : name);
  }
  if (last !== undefined) names.push(asciiWord(tools.part('last-name', last)) || 'user');
  const digits = local.replace(/\D/g, '').length;
  const f = tools.faker();
  const suffix = digits === 0 ? '' : f.string.numeric(digits);
  return `${names.length === 0 ? asciiWord(f.internet.username()) || 'user' : names.join('.')}${suffix}@${domain}`;
}

/** Addresses separated by commas or semicolons (Perfex's `cc`) are faked one by one. */
function emails(original: string, tools: FakeTools): string {
  const parts = original.split(/(\s*[,;]\s*)/);
  if (parts.length === 1) return emailAddress(original, tools);
  return parts.map((part, i) => (i % 2 === 1 || part === '' ? part : tools.part('email', part))).join('');
}

function website(original: string, tools: FakeTools): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?(www\.)?([^/?#:]+)(.*)$/i.exec(original.trim());
  if (match === null) return loremOfLength(tools.faker(), original.length);
  const [, scheme = '', www = '', host = '', rest = ''] = match;
  return `${scheme}${www}${tools.part('domain', host)}${rest === '/' ? '/' : ''}`;
}

function coordinate(tools: FakeTools, original: string): string {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(original.trim());
  if (match === null) return reshape(tools, original);
  return String(tools.faker().location.latitude({ precision: match[1]?.length ?? 0 }));
}

function vat(tools: FakeTools, original: string): string {
  // An EU VAT number starts with its country code (FR, DE…), which tells nothing about the holder.
  const prefix = /^[A-Z]{2}/.exec(original)?.[0] ?? '';
  return prefix + reshape(tools, original.slice(prefix.length));
}

function fileName(f: Faker, original: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(original)?.[1];
  const base = f.system.fileName({ extensionCount: 0 });
  return ext === undefined ? base : `${base}.${ext}`;
}

/** The fake of `original` (a non-empty string) as `kind`. */
export function fakeValue(kind: FakeKind, original: string, tools: FakeTools): string {
  switch (kind) {
    case 'full-name':
      return fullName(original, tools);
    case 'email':
      return emails(original, tools);
    case 'website':
      return website(original, tools);
    case 'phone':
    case 'zip':
      return reshape(tools, original);
    case 'vat':
      return vat(tools, original);
    case 'coordinate':
      return coordinate(tools, original);
    default:
      break;
  }
  const f = tools.faker();
  switch (kind) {
    case 'company':
      return f.company.name();
    case 'first-name':
      return f.person.firstName();
    case 'last-name':
      return f.person.lastName();
    case 'job-title':
      return f.person.jobTitle();
    case 'street':
      return f.location.streetAddress();
    case 'city':
      return f.location.city();
    case 'state':
      return f.location.state();
    case 'country':
      return f.location.country();
    case 'ip':
      return original.includes(':') ? f.internet.ipv6() : f.internet.ipv4();
    case 'domain':
      // RFC 2606 reserves `.example`: a fake address can never reach a real mailbox or site.
      return `${f.internet.domainWord()}.example`;
    case 'username':
      return f.internet.username();
    case 'file':
      return fileName(f, original);
    case 'text':
    case 'generic':
      return original.length <= 3 ? f.string.alpha(original.length) : loremOfLength(f, original.length);
  }
}
