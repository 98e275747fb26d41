/**
 * The Date and DateTime scalars. Output values are already typed by serialize (`YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM:SS`, zero dates as null). Input values are taken as strings and checked by the
 * engine's parse stage, so a bad date in a GraphQL filter or input gets the same problem (and hint)
 * as in REST instead of a second, differently worded check here.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function scalar(name: string, format: string, example: string): GraphQLScalarType<string, string> {
  const reject = (shown: string): GraphQLError =>
    new GraphQLError(`${name} takes a string ${format}, e.g. "${example}"; got ${shown}`, {
      extensions: { code: 'PAS124' },
    });
  return new GraphQLScalarType<string, string>({
    name,
    description: `${format} as text (Perfex stores local wall-clock time without a zone), e.g. \`${example}\`.`,
    specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339',
    serialize(value) {
      if (typeof value !== 'string') throw new GraphQLError(`${name} cannot represent ${String(value)}`);
      return value;
    },
    parseValue(value) {
      if (typeof value !== 'string') throw reject(JSON.stringify(value) ?? String(value));
      return value;
    },
    parseLiteral(node: ValueNode) {
      if (node.kind !== Kind.STRING) throw reject(node.kind === Kind.VARIABLE ? `$${node.name.value}` : node.kind);
      return node.value;
    },
  });
}

export const DateScalar = scalar('Date', 'YYYY-MM-DD', '2026-04-01');
export const DateTimeScalar = scalar('DateTime', 'YYYY-MM-DDTHH:MM:SS', '2026-04-01T09:30:00');
