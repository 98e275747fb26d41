/**
 * `JSON`: an output-only scalar for results whose shape the schema cannot know ahead, such as a
 * saved view's rows (its fields, includes and aggregates are data in the local store, not catalog).
 */
import { GraphQLError, GraphQLScalarType } from 'graphql';

export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value: the same data the REST endpoint answers.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc8259',
  serialize: (value) => value,
  parseValue() {
    throw new GraphQLError('JSON is an output type only', { extensions: { code: 'PAS124' } });
  },
  parseLiteral() {
    throw new GraphQLError('JSON is an output type only', { extensions: { code: 'PAS124' } });
  },
});
