/**
 * The parts of the OpenAPI document every resource shares: envelopes, links, RFC 9457 problems
 * (with the catalogue's codes), the error responses, and the security schemes of the auth stage
 * (bearer token, optional HMAC headers as the README's signing recipe describes them).
 */
import { PROBLEMS } from '../errors/problem-catalogue.ts';
import type { JsonSchema } from './field-schema.ts';
import { SHARED_LIST_PARAMETERS } from './list-parameters.ts';
import { HEADER_PARAMETERS } from './openapi-headers.ts';

const PROBLEM_CODES = Object.keys(PROBLEMS);

const LINK = { type: 'string', format: 'uri' };

export const SHARED_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Problem: {
    type: 'object',
    description: "RFC 9457 problem details. `type` resolves to the error's entry at /api_docs/errors.",
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', description: 'relative URI: /api_docs/errors#<slug>' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      code: { type: 'string', enum: PROBLEM_CODES },
      hint: { type: 'string' },
      errors: {
        type: 'array',
        description: 'PAS401 only: one entry per field.',
        items: {
          type: 'object',
          required: ['field', 'code', 'message'],
          properties: {
            field: { type: 'string' },
            code: {
              type: 'string',
              enum: ['required', 'unknown', 'not-writable', 'type', 'length', 'range', 'format', 'null', 'enum'],
            },
            message: { type: 'string' },
          },
        },
      },
      allowed: {
        type: 'array',
        items: { type: 'string' },
        description: 'PAS202 only: the operations of the resource.',
      },
      granted: { type: 'array', items: { type: 'string' }, description: 'PAS313 only: what the token may do there.' },
      etag: { type: 'string', description: "PAS203 only: the row's current ETag." },
      index: { type: 'integer', description: 'Bulk create only: the position of the row the database refused.' },
    },
  },
  ListMeta: {
    type: 'object',
    required: ['page', 'per_page'],
    properties: {
      total: { type: 'integer', description: 'absent with count=none' },
      page: { type: 'integer' },
      per_page: { type: 'integer' },
      total_pages: { type: 'integer', description: 'absent with count=none' },
      since_column: { type: 'string', description: 'with since= only' },
    },
  },
  ListLinks: {
    type: 'object',
    required: ['self', 'first'],
    description: 'Every link keeps the other query parameters of the request.',
    properties: { self: LINK, first: LINK, prev: LINK, next: LINK, last: LINK },
  },
  RowLinks: {
    type: 'object',
    required: ['self', 'collection'],
    properties: { self: LINK, collection: LINK },
  },
  ResourceDescription: {
    type: 'object',
    description:
      'What GET /{resource}/schema returns: fields (type, limits, writability, code labels), relations, operations.',
    required: ['name', 'fields', 'relations', 'operations'],
    properties: {
      name: { type: 'string' },
      description: { type: 'string' },
      primary_key: { type: 'array', items: { type: 'string' } },
      operations: { type: 'array', items: { type: 'string', enum: ['read', 'create', 'update', 'delete'] } },
      created_column: { type: ['string', 'null'] },
      updated_column: { type: ['string', 'null'] },
      fields: { type: 'array', items: { type: 'object' } },
      relations: { type: 'array', items: { type: 'object' } },
      links: { type: 'object' },
    },
  },
};

function problemResponse(description: string, codes: readonly string[]): JsonSchema {
  const examples = Object.fromEntries(
    codes.map((code) => {
      const def = PROBLEMS[code as keyof typeof PROBLEMS];
      return [
        code,
        {
          summary: def.title,
          value: {
            type: `/api_docs/errors#${def.slug}`,
            title: def.title,
            status: def.status,
            detail: def.title,
            instance: '/api/v1/…',
            code,
            hint: def.hint,
          },
        },
      ];
    }),
  );
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, examples } },
  };
}

export const SHARED_RESPONSES: Readonly<Record<string, JsonSchema>> = {
  BadRequest: problemResponse(
    'The request is malformed: unknown field, operator or parameter, a bad value, include, aggregate, group_by, having or format.',
    ['PAS102', 'PAS104', 'PAS110', 'PAS125', 'PAS126', 'PAS127', 'PAS128', 'PAS129'],
  ),
  Unauthorized: problemResponse('No token, an unknown, revoked or expired one, or a bad signature.', [
    'PAS301',
    'PAS302',
    'PAS306',
  ]),
  Forbidden: problemResponse(
    "The token lacks the scope or the right for this call, or the caller's address or origin.",
    ['PAS312', 'PAS313'],
  ),
  NotFound: problemResponse('No such resource, row or view.', ['PAS101', 'PAS201', 'PAS130']),
  PreconditionFailed: problemResponse(
    'If-Match names an ETag the row no longer has (`etag` is the current one); nothing was written.',
    ['PAS203'],
  ),
  Conflict: problemResponse('A duplicate value or a broken constraint.', ['PAS402', 'PAS403']),
  PayloadTooLarge: problemResponse('The body exceeds 256 KB.', ['PAS116']),
  UnsupportedMediaType: problemResponse('The body is not JSON.', ['PAS114']),
  Unprocessable: problemResponse(
    'The body failed validation (`errors` has one entry per field; in a bulk create `[2].email`), or a bulk body is empty, over 1,000 rows or not objects.',
    ['PAS401', 'PAS405'],
  ),
  TooManyRequests: {
    ...problemResponse("The token's rate limit or the per-address throttle.", ['PAS309', 'PAS310']),
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
  },
  Unavailable: problemResponse('The database is unreachable or a statement ran too long.', ['PAS501', 'PAS502']),
};

export const SECURITY_SCHEMES: Readonly<Record<string, JsonSchema>> = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'pas_…',
    description: 'An API token (`perfex-api-studio token create`), sent as `Authorization: Bearer pas_…`.',
  },
  hmacSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Signature',
    description:
      "Tokens created with --hmac also sign each request: hex HMAC-SHA256, under the token's HMAC secret, of five lines joined by \\n: method, path, the query sorted by key then value (encodeURIComponent of each part, k=v joined by &), hex SHA-256 of the body, and X-Timestamp. A signature is accepted once.",
  },
  hmacTimestamp: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Timestamp',
    description: 'Unix seconds, within 300 s of the server clock (signed tokens only).',
  },
};

/** Bearer alone, or bearer plus both HMAC headers for tokens that require signing. */
export const SECURITY_REQUIREMENTS = [{ bearerToken: [] }, { bearerToken: [], hmacSignature: [], hmacTimestamp: [] }];

export const SHARED_PARAMETERS = { ...SHARED_LIST_PARAMETERS, ...HEADER_PARAMETERS };
