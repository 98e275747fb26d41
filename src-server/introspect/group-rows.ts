/** Groups introspection rows by one column (Map.groupBy needs Node 21; we support Node 20). */
import type { Row } from '../db/driver.ts';

export function groupRows(rows: readonly Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = row[key];
    const k = value === null || value === undefined ? '' : String(value);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [row]);
    else list.push(row);
  }
  return groups;
}
