/** A starting JSON body for a create or update: the resource's writable fields with a value of their type. */
import type { ResourceEndpoints } from '../../../src-shared/admin-api.ts';

function sample(type: string): unknown {
  if (/bool|tinyint\(1\)/i.test(type)) return false;
  if (/int|decimal|number|float|double/i.test(type)) return 0;
  if (/datetime|timestamp/i.test(type)) return new Date().toISOString().slice(0, 19);
  if (/date/i.test(type)) return new Date().toISOString().slice(0, 10);
  return '';
}

export function bodyTemplate(resource: ResourceEndpoints | null): string {
  if (resource === null) return '{\n  \n}';
  const fields = resource.fields.filter((f) => f.writable);
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, sample(f.type)])), null, 2);
}
