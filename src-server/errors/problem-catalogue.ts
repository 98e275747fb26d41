/**
 * The one catalogue of problems the API can answer with (RFC 9457 problem details).
 * Codes are grouped by the stage that raises them, like PostgREST's PGRSTxxx:
 *   PAS1xx request (parse), PAS2xx resources and rows, PAS3xx permissions,
 *   PAS4xx request bodies and writes, PAS5xx database, PAS6xx the Studio's admin API, PAS9xx server.
 * A code is never reused once retired. `docs/errors.md` documents every entry; a test keeps the
 * two in sync.
 */
export interface ProblemDefinition {
  readonly code: string;
  readonly status: number;
  /** Stable slug used in the `type` URI. */
  readonly slug: string;
  readonly title: string;
  /** Default hint when the raising stage has no more specific one. */
  readonly hint: string;
}

function define<const T extends Record<string, Omit<ProblemDefinition, 'code'>>>(
  entries: T,
): { readonly [K in keyof T]: ProblemDefinition } {
  const out: Record<string, ProblemDefinition> = {};
  for (const [code, def] of Object.entries(entries)) out[code] = Object.freeze({ code, ...def });
  return Object.freeze(out) as { readonly [K in keyof T]: ProblemDefinition };
}

export const PROBLEMS = define({
  PAS101: { status: 404, slug: 'unknown-resource', title: 'Unknown resource', hint: 'GET /api/v1 lists every resource this server exposes.' },
  PAS102: { status: 400, slug: 'unknown-field', title: 'Unknown field', hint: 'GET /api/v1/{resource}/schema lists the fields you can use.' },
  PAS103: { status: 400, slug: 'unknown-operator', title: 'Unknown filter operator', hint: 'Operators: eq, ne, gt, gte, lt, lte, like, not_like, in, not_in, between, is_null, contains, starts_with, ends_with.' },
  PAS104: { status: 400, slug: 'invalid-filter-value', title: 'Invalid filter value', hint: 'Give a value of the column\'s type; in/not_in take a comma list, between takes two values.' },
  PAS105: { status: 400, slug: 'invalid-sort', title: 'Invalid sort', hint: 'sort takes a comma list of fields, each optionally prefixed with - for descending: sort=-total,duedate.' },
  PAS106: { status: 400, slug: 'invalid-pagination', title: 'Invalid pagination', hint: 'page is a whole number from 1; per_page is a whole number from 1 to 500.' },
  PAS107: { status: 400, slug: 'invalid-where', title: 'Invalid where expression', hint: 'where takes a JSON object such as {"or":[{"status":2},{"total":{"gte":1000}}]}.' },
  PAS108: { status: 400, slug: 'unknown-relation', title: 'Unknown relation', hint: 'GET /api/v1/{resource}/schema lists the relations of a resource.' },
  PAS109: { status: 400, slug: 'since-unsupported', title: 'No timestamp column for since', hint: 'Use filter[<date column>.gte]=… on a date column instead.' },
  PAS110: { status: 400, slug: 'unknown-parameter', title: 'Unknown query parameter', hint: 'Known parameters: fields, filter, where, sort, page, per_page, count, since, include, has, aggregate, group_by, having, format.' },
  PAS111: { status: 400, slug: 'invalid-id', title: 'Invalid id', hint: 'Use the value of the resource\'s primary key.' },
  PAS112: { status: 400, slug: 'invalid-parameter', title: 'Invalid query parameter', hint: 'See the REST query language in the README.' },
  PAS113: { status: 400, slug: 'malformed-json', title: 'Malformed JSON body', hint: 'Send a JSON object with Content-Type: application/json.' },
  PAS114: { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type', hint: 'Send the body as JSON with Content-Type: application/json.' },
  PAS115: { status: 404, slug: 'unknown-route', title: 'Unknown route', hint: 'The data API lives under /api/v1; GET /api/v1 lists it.' },
  PAS116: { status: 413, slug: 'payload-too-large', title: 'Request body too large', hint: 'Request bodies are limited to 256 KB.' },
  PAS117: { status: 400, slug: 'json-too-deep', title: 'JSON nested too deeply', hint: 'Request bodies may nest objects and arrays at most 10 levels deep.' },
  PAS118: { status: 400, slug: 'query-string-too-long', title: 'Query string too long', hint: 'Query strings are limited to 8 KB; move a long filter into where= or use GraphQL.' },
  PAS119: { status: 431, slug: 'request-headers-too-large', title: 'Request headers too large', hint: 'The request line and headers are limited to 16 KB; send long GraphQL queries with POST and long filters with where= in a POST to GraphQL, or trim large cookies.' },
  PAS120: { status: 400, slug: 'graphql-query-too-deep', title: 'GraphQL query too deep', hint: 'Nest selections less deeply, or fetch deeper levels in a second query.' },
  PAS121: { status: 400, slug: 'graphql-query-too-complex', title: 'GraphQL query too complex', hint: 'Lower the limit of nested lists or select fewer relations; each list counts as many times as its limit.' },
  PAS122: { status: 400, slug: 'graphql-too-many-aliases', title: 'Too many GraphQL aliases', hint: 'Use fewer aliases in one operation.' },
  PAS123: { status: 400, slug: 'graphql-list-too-large', title: 'GraphQL list too large', hint: 'limit and perPage accept at most 500 rows; page through larger results.' },
  PAS124: { status: 400, slug: 'graphql-invalid-request', title: 'Invalid GraphQL request', hint: 'Check the query against the schema at /api/v1/graphql/schema.graphql.' },
  PAS125: { status: 400, slug: 'invalid-include', title: 'Invalid include', hint: 'include takes relation paths of at most 3 relations (include=client,payments,client.contacts); fields[…], sort[…] and limit[…] name an included path.' },
  PAS126: { status: 400, slug: 'invalid-aggregate', title: 'Invalid aggregate', hint: 'aggregate takes count and fn:field with fn in sum, avg, min, max, count_distinct (sum and avg on numeric fields).' },
  PAS127: { status: 400, slug: 'invalid-group-by', title: 'Invalid group_by', hint: 'group_by takes up to 5 fields, related columns (client.country) and date buckets (date:month; day, week, month, quarter, year).' },
  PAS128: { status: 400, slug: 'invalid-having', title: 'Invalid having', hint: 'having[<measure>.<op>]=value names a measure of aggregate= (count, sum_total…), op in eq, ne, gt, gte, lt, lte, between, in, not_in.' },
  PAS129: { status: 400, slug: 'unsupported-format', title: 'Unsupported output format', hint: 'format is json, csv or ndjson; csv and ndjson stream plain rows or groups, without include.' },
  PAS130: { status: 404, slug: 'unknown-view', title: 'Unknown view', hint: 'GET /admin/api/views lists the saved views.' },
  PAS131: { status: 400, slug: 'invalid-view-parameter', title: 'Invalid view parameter', hint: 'Give each parameter of the view as ?name=value of its declared type; required ones have no default.' },
  PAS132: { status: 422, slug: 'invalid-view', title: 'Invalid view definition', hint: 'A view is {name, resource, query: {param: value}, params: {name: {type, default?}}}; its query must be a valid list request.' },
  PAS133: { status: 400, slug: 'malformed-request', title: 'Malformed HTTP request', hint: 'Send an HTTP/1.1 request: a request line `METHOD /path HTTP/1.1`, header names without spaces or control characters, one Content-Length or Transfer-Encoding: chunked.' },
  PAS134: { status: 415, slug: 'unsupported-content-encoding', title: 'Unsupported Content-Encoding', hint: 'Send the body uncompressed, or with one Content-Encoding of gzip, deflate or br.' },
  PAS135: { status: 400, slug: 'undecodable-body', title: 'Body does not match its Content-Encoding', hint: 'Compress the whole body with the coding named in Content-Encoding, or send it uncompressed without that header.' },
  PAS140: { status: 404, slug: 'docs-not-served', title: 'API docs not served here', hint: 'The server\'s docs switch is off or serves loopback peers only; start it with `serve --docs local` or `--docs lan`.' },
  PAS201: { status: 404, slug: 'row-not-found', title: 'Row not found', hint: 'List the resource to find existing ids.' },
  PAS202: { status: 405, slug: 'operation-not-allowed', title: 'Operation not allowed on this resource', hint: 'The whitelist decides which operations a resource allows.' },
  PAS203: { status: 412, slug: 'precondition-failed', title: 'Precondition failed', hint: 'The row changed since you read it (If-Match); GET it again for the current ETag and retry.' },
  PAS210: { status: 503, slug: 'schema-changed', title: 'The database schema changed', hint: 'The catalog has been refreshed from the database; retry the request (GET /api/v1/{resource}/schema shows the new fields).' },
  PAS301: { status: 401, slug: 'missing-token', title: 'API token required', hint: 'Send Authorization: Bearer pas_…; create a token with `perfex-api-studio token create --name me --read \'*\'`.' },
  PAS302: { status: 401, slug: 'invalid-token', title: 'Invalid API token', hint: 'The token is malformed, unknown or revoked; `perfex-api-studio token list` shows the live ones.' },
  PAS303: { status: 401, slug: 'expired-token', title: 'API token expired', hint: 'Create a new token, or one without --expires.' },
  PAS304: { status: 403, slug: 'ip-not-allowed', title: 'Address not allowed for this token', hint: 'The token only accepts calls from its IP allow-list.' },
  PAS305: { status: 403, slug: 'origin-not-allowed', title: 'Origin not allowed for this token', hint: 'The token only accepts browser calls from its allowed origins.' },
  PAS306: { status: 401, slug: 'invalid-signature', title: 'Missing or invalid request signature', hint: 'This token requires HMAC: X-Signature = hex HMAC-SHA256 of method, path, sorted query, body SHA-256 and X-Timestamp, one per line.' },
  PAS307: { status: 401, slug: 'stale-timestamp', title: 'Request timestamp outside the allowed window', hint: 'X-Timestamp must be Unix seconds within 300 s of the server time.' },
  PAS308: { status: 401, slug: 'replayed-signature', title: 'Request signature already used', hint: 'Sign every request afresh with the current time; a signature is accepted once.' },
  PAS309: { status: 429, slug: 'rate-limited', title: 'Rate limit exceeded', hint: 'Wait for the number of seconds in Retry-After; RateLimit-* headers show the budget.' },
  PAS310: { status: 429, slug: 'ip-throttled', title: 'Too many requests from this address', hint: 'Slow down; wait for the number of seconds in Retry-After.' },
  PAS311: { status: 503, slug: 'rate-limiter-unavailable', title: 'Rate limiter could not decide', hint: 'The request was refused to stay safe (fail closed); retry shortly.' },
  PAS312: { status: 403, slug: 'scope-missing', title: 'Token lacks the scope for this call', hint: 'Scopes: rest, graphql, views, write; create a token with the scope you need.' },
  PAS313: { status: 403, slug: 'resource-forbidden', title: 'Token may not do this on this resource', hint: 'The token\'s per-resource rights decide what it may read, create, update and delete.' },
  PAS314: { status: 401, slug: 'no-tokens-configured', title: 'No API token exists yet', hint: 'The data API has no anonymous access: create a token with `perfex-api-studio token create --name me --read \'*\'` and send it as Authorization: Bearer pas_….' },
  PAS315: { status: 403, slug: 'host-not-allowed', title: 'Host not allowed', hint: 'Open the Studio at the http://127.0.0.1:<port>/ address printed at start (DNS rebinding protection).' },
  PAS316: { status: 401, slug: 'admin-session-required', title: 'Admin session required', hint: 'Open the Studio from the URL printed at start (it carries ?token=…), or send the X-PAS-Admin-Token header.' },
  PAS401: { status: 422, slug: 'validation-failed', title: 'Request body failed validation', hint: 'See `errors` for each field; GET /api/v1/{resource}/schema lists types and limits.' },
  PAS402: { status: 409, slug: 'duplicate', title: 'Duplicate value', hint: 'Another row already holds this value; change it or update that row instead.' },
  PAS403: { status: 409, slug: 'constraint-violation', title: 'Constraint violation', hint: 'The database refused the change because of a constraint.' },
  PAS404: { status: 422, slug: 'create-impossible', title: 'Rows of this resource cannot be created through the API', hint: 'A required column of this table is hidden for security and the API cannot fill it.' },
  PAS405: { status: 422, slug: 'invalid-bulk', title: 'Invalid bulk request', hint: 'A bulk create is a JSON array of 1 to 1000 objects; nothing is written unless every row is valid.' },
  PAS501: { status: 503, slug: 'database-unavailable', title: 'Database unavailable', hint: 'Check that the database server is running and reachable; the request can be retried.' },
  PAS502: { status: 503, slug: 'query-timeout', title: 'Query took too long', hint: 'Narrow the request with filters or a smaller per_page.' },
  PAS503: { status: 422, slug: 'database-rejected-value', title: 'The database rejected a value', hint: 'Check the value against the field\'s type and limits.' },
  PAS504: { status: 503, slug: 'transaction-conflict', title: 'Transaction rolled back by a lock conflict', hint: 'The database ended this transaction to resolve a deadlock or a lock wait with another one; nothing was written. Retry after the seconds in Retry-After.' },
  PAS505: { status: 503, slug: 'database-overloaded', title: 'Database out of resources', hint: 'The database server is out of connections, memory, threads or disk space; retry after the seconds in Retry-After, and if it persists ask its administrator (its error log names the resource).' },
  PAS506: { status: 500, slug: 'database-internal-error', title: 'Database internal error', hint: 'The database server failed inside (storage engine, file system, a crashed table); its error log has the details. CHECK TABLE / REPAIR TABLE may help; retrying will not.' },
  PAS507: { status: 500, slug: 'database-refused-statement', title: 'Database refused the statement', hint: 'The connection\'s database user lacks a privilege on the table, or the server is read-only (a replica, read_only=ON). Grant SELECT, INSERT, UPDATE, DELETE on the whitelisted tables, or connect to the writable server.' },
  PAS601: { status: 409, slug: 'lan-unavailable', title: 'LAN sharing is not possible now', hint: 'Connect this machine to a network, then switch LAN sharing on again.' },
  PAS610: { status: 404, slug: 'unknown-connection', title: 'Unknown connection', hint: 'GET /admin/api/connections lists the saved connections; the demo database is `demo`.' },
  PAS611: { status: 409, slug: 'built-in-connection', title: 'The demo database cannot be changed', hint: 'The demo database is built in: it cannot be edited or deleted. Add a connection of your own instead.' },
  PAS612: { status: 409, slug: 'connection-in-use', title: 'Connection in use', hint: 'The API serves this database now: switch to another connection (or the demo) first, then delete it.' },
  PAS613: { status: 502, slug: 'database-connection-refused', title: 'Connection refused', hint: 'Nothing accepts connections at this host and port: is MariaDB/MySQL running, and listening on that port (bind-address, port in my.cnf)?' },
  PAS614: { status: 504, slug: 'database-unreachable', title: 'Database host unreachable', hint: 'Check the host name and port; a firewall or a VPN may be in the way.' },
  PAS615: { status: 422, slug: 'database-access-denied', title: 'Access denied', hint: 'Check the user and password, and that this user may connect from this machine (its host part in mysql.user) and use this database.' },
  PAS616: { status: 422, slug: 'database-not-found', title: 'Database does not exist', hint: 'Check the database name (it is case-sensitive on Linux servers), or create it first.' },
  PAS617: { status: 422, slug: 'database-tls-failed', title: 'TLS connection failed', hint: 'Untick TLS if the server does not offer it; tick it if the server requires secure transport; a self-signed server certificate is not trusted.' },
  PAS618: { status: 502, slug: 'database-unusable', title: 'Cannot use this database', hint: 'The server answered but the database could not be read; the detail says why.' },
  PAS619: { status: 404, slug: 'unknown-job', title: 'Unknown job', hint: 'Jobs are kept in memory for the last 20 switches of this launch; start the switch again.' },
  PAS620: { status: 422, slug: 'invalid-whitelist-entry', title: 'Invalid whitelist change', hint: 'See `errors` for each member; a table entry is {expose, name, operations, hiddenColumns, readOnlyColumns, piiColumns, notPiiColumns}.' },
  PAS621: { status: 404, slug: 'unknown-table', title: 'Unknown table', hint: 'GET /admin/api/whitelist/tables lists every table of the database (full names, with the prefix).' },
  PAS622: { status: 422, slug: 'sensitive-column-locked', title: 'Sensitive column cannot be exposed', hint: 'Password hashes, tokens and secrets are never served by the API; they stay hidden whatever the whitelist says.' },
  PAS623: { status: 409, slug: 'resource-name-taken', title: 'Resource name already taken', hint: 'Choose a name no other exposed table uses; GET /admin/api/whitelist/tables shows each table\'s resource name.' },
  PAS624: { status: 422, slug: 'table-not-writable', title: 'Write operations need a primary key', hint: 'Views and tables without a visible primary key can only be read: keep operations to ["read"] (or un-hide the key column).' },
  PAS625: { status: 404, slug: 'unknown-whitelist-relation', title: 'Unknown relation', hint: 'GET /admin/api/whitelist/relations?table=… lists the relations of an exposed table by name.' },
  PAS626: { status: 422, slug: 'invalid-relation', title: 'Relation cannot be added', hint: 'Name an existing column of an exposed table and an exposed target table with a single-column primary key (or give targetColumn).' },
  PAS627: { status: 422, slug: 'invalid-whitelist-file', title: 'Invalid whitelist file', hint: 'A whitelist file is {prefix?, expose: "core"|"all"|"none", tables: {…}, relations: {add: […], remove: […]}}; see `errors` for each mistake.' },
  PAS630: { status: 403, slug: 'explorer-header-not-local', title: 'Explorer header from another machine', hint: 'X-PAS-Explorer is the Studio\'s own channel and means something only from this machine; call the API with a bearer token instead.' },
  PAS631: { status: 422, slug: 'invalid-explorer-request', title: 'Invalid explorer request', hint: 'An explorer request is {method, path under /api/v1, headers?, body?, auth: {kind: "studio"} | {kind: "token", token}, pii}; see `errors` for each member.' },
  PAS632: { status: 504, slug: 'explorer-timeout', title: 'The API did not answer in time', hint: 'The request was sent but no complete answer came within 30 s; narrow it (filters, per_page) and send it again.' },
  PAS633: { status: 502, slug: 'explorer-send-failed', title: 'The request could not be sent', hint: 'The data API of this server did not accept the connection; check that the server is still running.' },
  PAS634: { status: 404, slug: 'unknown-saved-request', title: 'Unknown saved request', hint: 'GET /admin/api/explorer/saved lists the saved requests.' },
  PAS901: { status: 500, slug: 'internal-error', title: 'Internal error', hint: 'This is a bug in Perfex API Studio; the request id helps to find it in the log.' },
  PAS902: { status: 503, slug: 'shutting-down', title: 'Server shutting down', hint: 'The server is stopping and takes no new requests; retry once it is running again.' },
});

export type ProblemCode = keyof typeof PROBLEMS;
