/**
 * The ETag of a row: a strong validator (RFC 9110 §8.8.3) over every exposed field of the row as the
 * API serves it, so any change to what a caller can see changes it, whatever `fields=` a GET asked
 * for. Strong, because If-Match compares strongly (§13.1.1) and PUT/PATCH/DELETE rely on it.
 */
import { createHash } from 'node:crypto';
import type { Resource } from '../catalog/catalog.ts';
import type { Row } from '../db/driver.ts';
import { serializeRow } from './serialize-row.ts';

export function rowEtag(resource: Resource, row: Row): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(serializeRow(resource.fields, row)))
    .digest('base64url');
  return `"${hash.slice(0, 27)}"`;
}

/** Entity tags of an If-Match / If-None-Match header (`*` stays `*`); W/ prefixes are kept. */
export function parseEtagList(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

/** If-Match: `*` matches any current row; otherwise a strong match with one of the tags. */
export function ifMatchHolds(header: string, etag: string): boolean {
  const tags = parseEtagList(header);
  return tags.includes('*') || tags.includes(etag);
}

/** If-None-Match (weak comparison, §13.1.2): true when the client's copy is current. */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  const tags = parseEtagList(header);
  return tags.includes('*') || tags.some((t) => t.replace(/^W\//, '') === etag);
}
