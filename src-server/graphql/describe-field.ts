/** Schema descriptions from the catalog: the declared type and Perfex's code labels (`2 = Paid`). */
import type { Field } from '../catalog/catalog.ts';

export function describeField(field: Field): string {
  const parts = [field.columnType];
  if (field.primaryKey) parts.push('primary key');
  if (!field.nullable && (field.type === 'date' || field.type === 'datetime')) {
    parts.push('NOT NULL, but MySQL zero dates are served as null');
  }
  if (field.labels !== null) {
    parts.push(
      Object.entries(field.labels)
        .map(([code, label]) => `${code} = ${label}`)
        .join(', '),
    );
  }
  return parts.join('; ');
}
