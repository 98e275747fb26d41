/**
 * The request path and its query parameters as one text (the URL input) and as rows (the table):
 * `splitPath` reads the rows out of the text, `joinPath` writes them back. Brackets, commas, colons
 * and dots stay readable in the URL (`filter[total.gte]=100`, `sort=-total,duedate`): they are legal
 * in a query (RFC 3986 §3.4 allows `:` `@` `/` `?` and sub-delims; `[` `]` are accepted by every
 * server the samples target), and the server decodes them either way.
 */
export interface QueryParam {
  readonly key: string;
  readonly value: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a lone `%` while typing: show it as typed
  }
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/%(5B|5D|2C|3A|40|24|2F|7E|2A)/gi, (m) => decodeURIComponent(m));
}

export function splitPath(path: string): { readonly base: string; readonly params: readonly QueryParam[] } {
  const at = path.indexOf('?');
  if (at < 0) return { base: path, params: [] };
  const params = path
    .slice(at + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { key: decode(part), value: '' } : { key: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) };
    });
  return { base: path.slice(0, at), params };
}

export function joinPath(base: string, params: readonly QueryParam[]): string {
  const query = params
    .filter((p) => p.key !== '' || p.value !== '')
    .map((p) => `${encode(p.key)}=${encode(p.value)}`)
    .join('&');
  return query === '' ? base : `${base}?${query}`;
}

/** The resource a REST path names: `/api/v1/invoices/12?…` → `invoices`. */
export function resourceOfPath(path: string): string | null {
  const match = /^\/api\/v1\/([A-Za-z0-9_-]+)/.exec(splitPath(path).base);
  return match?.[1] ?? null;
}
