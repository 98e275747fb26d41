/**
 * PII randomisation for display (the explorer's PII mode, sandbox tokens): each personal value is
 * replaced by a fake of its kind, chosen by a faker seeded with HMAC-SHA256(launch seed, kind,
 * value). So within one launch the same original always shows the same fake — the same client
 * keeps its fake company across calls, in includes of other resources and in GraphQL — while the
 * fakes cannot be traced back to the originals without the seed, and change at every launch.
 * Numbers, ids, dates and enums are never touched, so relations and sums stay true.
 */
import { createHmac } from 'node:crypto';
import { base, en, Faker, type LocaleDefinition } from '@faker-js/faker';
import type { Field } from '../catalog/catalog.ts';
import { fakeValue, type FakeKind, type FakeTools } from './fake-value.ts';
import { createHashRandomizer } from './hash-randomizer.ts';
import { piiKindOf, type PiiKind } from './pii-kind.ts';

export interface PiiRandomiser {
  /** `value` (already serialised) of `field` as the caller sees it: a fake for personal text, else as is. */
  value(field: Field, value: unknown): unknown;
  /** The fake of `original` as `kind`, at most `maxLength` characters; '' stays ''. */
  fake(kind: PiiKind, original: string, maxLength?: number | null): string;
}

export interface PiiRandomiserOptions {
  /** Faker locales, most specific first (default English). */
  readonly locale?: readonly LocaleDefinition[];
  /** Recent mappings kept (default 20,000, ~2 MB): a list page repeats the same clients and cities. */
  readonly cacheSize?: number;
}

/** Kinds whose values are compared without case: "John" in one table and "john" in an email are one person. */
const CASELESS = new Set<FakeKind>(['first-name', 'last-name', 'full-name', 'email', 'domain']);

/** `fake` cut to `maxLength`; an email keeps its `@domain` (the local part is shortened instead). */
function fit(kind: PiiKind, fake: string, maxLength: number | null | undefined): string {
  if (maxLength === null || maxLength === undefined || fake.length <= maxLength) return fake;
  const at = fake.lastIndexOf('@');
  if (kind === 'email' && at > 0) {
    // The fake domain is a reserved `.example` name; `x.example` is the shortest such.
    const domain = fake.length - at < maxLength ? fake.slice(at) : '@x.example';
    const local = fake.slice(0, Math.max(0, Math.min(at, maxLength - domain.length))).replace(/[._-]+$/, '');
    if (local !== '') return local + domain;
  }
  return fake.slice(0, maxLength).trimEnd() || fake.slice(0, maxLength);
}

/** A randomiser keyed by `seed` (random per launch in the server; fixed in tests). */
export function createPiiRandomiser(seed: Uint8Array, options: PiiRandomiserOptions = {}): PiiRandomiser {
  const key = Buffer.from(seed);
  const randomizer = createHashRandomizer();
  // A dedicated instance: the demo generator's seeded faker and this one must never share state.
  const faker = new Faker({ locale: [...(options.locale ?? [en]), base], randomizer });
  const cacheSize = options.cacheSize ?? 20_000;
  const cache = new Map<string, string>();

  function seedWords(kind: FakeKind, value: string, attempt: number): number[] {
    const digest = createHmac('sha256', key).update(kind).update('\0').update(value).update(attempt === 0 ? '' : `\0${attempt}`).digest();
    return [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
  }

  function fakeOf(kind: FakeKind, original: string): string {
    const normal = CASELESS.has(kind) ? original.trim().toLowerCase() : original;
    const cacheKey = `${kind}\0${normal}`;
    const hit = cache.get(cacheKey);
    if (hit !== undefined) {
      // Least recently used first: a hit moves to the end of the Map's insertion order.
      cache.delete(cacheKey);
      cache.set(cacheKey, hit);
      return hit;
    }
    // Fakes come from the same vocabulary as real data (the demo itself is faker-made), so a fake can
    // equal its original, which would show the real value: draw again, deterministically, until it differs.
    let fake = original;
    for (let attempt = 0; attempt < 8; attempt++) {
      const words = seedWords(kind, normal, attempt);
      const tools: FakeTools = {
        faker() {
          faker.seed(words);
          return faker;
        },
        random: () => randomizer.next(),
        part: (partKind, part) => (part === '' ? '' : fakeOf(partKind, part)),
      };
      fake = fakeValue(kind, normal, tools);
      if (fake.trim().toLowerCase() !== normal.trim().toLowerCase()) break;
    }
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, fake);
    return fake;
  }

  function fake(kind: PiiKind, original: string, maxLength?: number | null): string {
    if (original.trim() === '') return original;
    return fit(kind, fakeOf(kind, original), maxLength);
  }

  return {
    fake,
    value(field, value) {
      if (typeof value !== 'string') return value;
      const kind = piiKindOf(field);
      return kind === null ? value : fake(kind, value, field.maxLength);
    },
  };
}
