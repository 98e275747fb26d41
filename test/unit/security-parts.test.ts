/** Pure parts of the security stages: JSON depth on raw text, canonical query, replay window, route scopes. */
import { describe, expect, it } from 'vitest';
import { scopeForPath } from '../../src-server/security/authorize.ts';
import { canonicalQuery, ReplayGuard } from '../../src-server/security/hmac.ts';
import { rawJsonDepthExceeds } from '../../src-server/security/json-depth.ts';

describe('rawJsonDepthExceeds', () => {
  it('counts nesting outside strings only, escapes included', () => {
    expect(rawJsonDepthExceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(rawJsonDepthExceeds('{"a":[[[1]]]}', 3)).toBe(true);
    expect(rawJsonDepthExceeds('{"a":"[[[[[[[[[[[[{{{{"}', 1)).toBe(false);
    expect(rawJsonDepthExceeds('{"a":"\\"[[[[","b":1}', 1)).toBe(false);
    expect(rawJsonDepthExceeds('[{}, {}, {}]', 2)).toBe(false);
  });
});

describe('canonicalQuery', () => {
  it('sorts by key then value and normalises the encoding', () => {
    expect(canonicalQuery('b=2&a=1&a=0')).toBe('a=0&a=1&b=2');
    expect(canonicalQuery('filter%5Bstatus%5D=2&fields=id,total')).toBe('fields=id%2Ctotal&filter%5Bstatus%5D=2');
    expect(canonicalQuery('q=a+b')).toBe(canonicalQuery('q=a%20b'));
    expect(canonicalQuery('')).toBe('');
  });
});

describe('ReplayGuard', () => {
  it('accepts a signature once per window and forgets it afterwards', () => {
    const guard = new ReplayGuard(1000);
    expect(guard.accept('s', 0)).toBe(true);
    expect(guard.accept('s', 1500)).toBe(false);
    expect(guard.accept('s', 2001)).toBe(true);
  });
});

describe('scopeForPath', () => {
  it('maps routes to the scope they need', () => {
    expect(scopeForPath('/invoices')).toBe('rest');
    expect(scopeForPath('/graphql')).toBe('graphql');
    expect(scopeForPath('/graphql/schema.graphql')).toBe('graphql');
    expect(scopeForPath('/views/x')).toBe('views');
    expect(scopeForPath('/auth/test')).toBeNull();
  });
});
