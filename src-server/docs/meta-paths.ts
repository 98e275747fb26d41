/**
 * OpenAPI path items of the routes that are not resources: the index, the token check, these
 * exports, and GraphQL when the caller has the `graphql` scope.
 */
import type { JsonSchema } from './field-schema.ts';

const errors = (...codes: string[]): Record<string, JsonSchema> => {
  const names: Record<string, string> = {
    '400': 'BadRequest',
    '401': 'Unauthorized',
    '403': 'Forbidden',
    '429': 'TooManyRequests',
  };
  return Object.fromEntries(codes.map((c) => [c, { $ref: `#/components/responses/${names[c]}` }]));
};

function get(
  operationId: string,
  summary: string,
  description: string,
  content: JsonSchema,
  tag: string,
  parameters?: JsonSchema[],
): JsonSchema {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: [tag],
      ...(parameters === undefined ? {} : { parameters }),
      responses: { '200': { description: summary, content }, ...errors('401', '403', '429') },
    },
  };
}

const versionParameter: JsonSchema = {
  name: 'version',
  in: 'query',
  description: 'OpenAPI version of the document.',
  schema: { type: 'string', enum: ['3.1', '3.0'], default: '3.1' },
};

export const META_TAG = 'api';
export const GRAPHQL_TAG = 'graphql';

export function metaPaths(graphql: boolean): Record<string, JsonSchema> {
  const object = { type: 'object' };
  const paths: Record<string, JsonSchema> = {
    '/': get(
      'listResources',
      'The resources this token can read',
      'Index of resources with operations, keys and links.',
      {
        'application/json': {
          schema: {
            type: 'object',
            required: ['data'],
            properties: { data: { type: 'array', items: object }, links: object },
          },
        },
      },
      META_TAG,
    ),
    '/auth/test': get(
      'testToken',
      'Who am I',
      "The token's name, scopes and how many resources it can read and write; needs no scope.",
      { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: object } } } },
      META_TAG,
    ),
    '/openapi.json': get(
      'getOpenApiJson',
      'This OpenAPI document (JSON)',
      "Generated for the caller's rights.",
      { 'application/json': { schema: object } },
      META_TAG,
      [versionParameter],
    ),
    '/openapi.yaml': get(
      'getOpenApiYaml',
      'This OpenAPI document (YAML)',
      "Generated for the caller's rights.",
      { 'application/yaml': { schema: { type: 'string' } } },
      META_TAG,
      [versionParameter],
    ),
    '/postman.json': get(
      'getPostmanCollection',
      'A Postman Collection v2.1 of the API',
      "One folder per resource, a request per operation, generated for the caller's rights.",
      { 'application/json': { schema: object } },
      META_TAG,
    ),
  };
  if (graphql) {
    paths['/graphql'] = {
      post: {
        operationId: 'graphql',
        summary: 'GraphQL endpoint',
        description:
          "GraphQL over HTTP (graphql-http). The schema is built for the caller's rights; see /api_docs#/graphql.",
        tags: [GRAPHQL_TAG],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['query'],
                properties: {
                  query: { type: 'string' },
                  variables: { type: 'object' },
                  operationName: { type: 'string' },
                },
              },
              example: { query: '{ __typename }' },
            },
          },
        },
        responses: {
          '200': {
            description: 'A GraphQL result; errors carry the REST problem under `extensions`.',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: object, errors: { type: 'array', items: object } } },
              },
            },
          },
          ...errors('400', '401', '403', '429'),
        },
      },
    };
    paths['/graphql/schema.graphql'] = get(
      'getGraphqlSchema',
      'The GraphQL schema (SDL) for this token',
      'Types, queries and mutations this token can use.',
      { 'text/plain': { schema: { type: 'string' } } },
      GRAPHQL_TAG,
    );
  }
  return paths;
}
