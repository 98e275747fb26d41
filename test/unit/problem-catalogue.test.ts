/** docs/errors.md documents exactly the problem catalogue (Fastify keeps its Errors.md in sync the same way). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src-server/errors/problem-catalogue.ts';
import { Problem, problemBody } from '../../src-server/errors/problem.ts';

const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = [...doc.matchAll(/^\| (PAS\d{3}) \| (\d{3}) \| `([a-z-]+)` \| ([^|]+) \|/gm)].map((m) => ({
  code: m[1],
  status: Number(m[2]),
  slug: m[3],
  title: (m[4] ?? '').trim(),
}));

describe('problem catalogue', () => {
  it('is documented row for row in docs/errors.md', () => {
    const catalogue = Object.values(PROBLEMS).map(({ code, status, slug, title }) => ({ code, status, slug, title }));
    expect(documented).toEqual(catalogue);
  });

  it('has unique slugs and a hint for every entry', () => {
    const slugs = Object.values(PROBLEMS).map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const p of Object.values(PROBLEMS)) expect(p.hint.length).toBeGreaterThan(10);
  });

  it('renders RFC 9457 members plus code and hint', () => {
    const body = problemBody(new Problem('PAS102', 'no field `x`', { hint: 'did you mean `y`?' }), '/api/v1/invoices');
    expect(body).toEqual({
      type: '/api_docs/errors#unknown-field',
      title: 'Unknown field',
      status: 400,
      detail: 'no field `x`',
      instance: '/api/v1/invoices',
      code: 'PAS102',
      hint: 'did you mean `y`?',
    });
  });
});
