/**
 * The HTTP headers of conditional requests and preferences, as OpenAPI components: `If-None-Match`
 * (RFC 9110 §13.1.2) on single-row GETs, `If-Match` (§13.1.1) on PUT/PATCH/DELETE, `Prefer`
 * (RFC 7240) with the two preferences `prefer-header.ts` honours, and the response headers that
 * answer them (`ETag`, `Preference-Applied`, `Location`).
 */
import type { JsonSchema } from './field-schema.ts';

export const HEADER_PARAMETERS: Readonly<Record<string, JsonSchema>> = {
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description:
      "The row's ETag from an earlier answer (weak `W/` tags compare too): 304 without a body while the row is unchanged.",
    schema: { type: 'string' },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description:
      "Write only if the row still has this ETag (or `*`). Checked on the row read under lock inside the write transaction: 412 PAS203 with the row's current `etag`, and nothing is written. Of two writers holding the same ETag, exactly one wins.",
    schema: { type: 'string' },
  },
  Prefer: {
    name: 'Prefer',
    in: 'header',
    description:
      '`return=minimal`: no body after the write (POST 201 and PATCH/PUT 204, with `Location` and `ETag`); `tx=rollback`: validate and execute the write, answer with its result, keep nothing (a dry run). Honoured preferences are echoed in `Preference-Applied`; others are ignored.',
    schema: { type: 'string' },
    examples: {
      minimal: { value: 'return=minimal' },
      dryRun: { value: 'tx=rollback' },
    },
  },
};

export const RESPONSE_HEADERS: Readonly<Record<string, JsonSchema>> = {
  ETag: {
    description:
      'Strong validator of the row: a hash of every exposed field, whatever `fields=` asked. Absent when `include=` embeds other rows.',
    schema: { type: 'string' },
  },
  PreferenceApplied: {
    description: 'The `Prefer` preferences honoured (`return=minimal`, `tx=rollback`).',
    schema: { type: 'string' },
  },
  Location: {
    description: 'URL of the new row (not on a dry run or a bulk create)',
    schema: { type: 'string', format: 'uri' },
  },
};

export const headerParameter = (name: keyof typeof HEADER_PARAMETERS): JsonSchema => ({
  $ref: `#/components/parameters/${name}`,
});

export const responseHeader = (name: keyof typeof RESPONSE_HEADERS): JsonSchema => ({
  $ref: `#/components/headers/${name}`,
});
