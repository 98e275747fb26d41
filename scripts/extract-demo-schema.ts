/**
 * Dev script: extracts the demo tables from Perfex's real 3.4.1 installer structure into
 * resources/demo/schema.json. Run from the repo root:
 *
 *   npx tsx scripts/extract-demo-schema.ts [path/to/perfex-3.4.1-schema.sql]
 *
 * The SQL is a phpMyAdmin dump: CREATE TABLE blocks carry the columns, and PRIMARY KEY / KEY /
 * AUTO_INCREMENT come later in ALTER TABLE statements, so both parts are read and merged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoColumn, DemoIndex, DemoSchema, DemoTable } from '../src-server/demo/demo-schema.ts';

/** The demo tables, in creation order (lookups first, then the tables that point at them). */
const DEMO_TABLES = [
  'tblcountries',
  'tblcurrencies',
  'tbltaxes',
  'tblpayment_modes',
  'tblroles',
  'tbldepartments',
  'tblservices',
  'tbltickets_status',
  'tbltickets_priorities',
  'tblleads_status',
  'tblleads_sources',
  'tblcontracts_types',
  'tblexpenses_categories',
  'tblcustomers_groups',
  'tblitems_groups',
  'tblitems',
  'tblcustomfields',
  'tblstaff',
  'tblstaff_departments',
  'tblclients',
  'tblcontacts',
  'tblcustomer_groups',
  'tblleads',
  'tblprojects',
  'tblproject_members',
  'tblmilestones',
  'tblsubscriptions',
  'tblcontracts',
  'tblinvoices',
  'tblitemable',
  'tblitem_tax',
  'tblinvoicepaymentrecords',
  'tblestimates',
  'tblproposals',
  'tblcreditnotes',
  'tblexpenses',
  'tbltickets',
  'tblticket_replies',
  'tbltasks',
  'tbltask_assigned',
  'tbltask_followers',
  'tblnotes',
  'tblcustomfieldsvalues',
  'tblactivity_log',
] as const;

interface MutableTable {
  name: string;
  columns: DemoColumn[];
  primaryKey: string[];
  indexes: DemoIndex[];
}

/** Splits `a, b('x,y'), c` on top-level commas, leaving commas inside quotes and parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === "'") quoted = false;
      continue;
    }
    if (ch === "'") quoted = true;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** Reads a quoted SQL string starting at `text[start] === "'"`; returns its value and end offset. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'" && text[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (ch === "'") {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i++;
    }
  }
  throw new Error(`unterminated string in: ${text}`);
}

/** `int(11)` → `int`, `INT UNSIGNED` → `int unsigned`; `tinyint(1)` keeps its width (it means boolean). */
function normaliseType(raw: string): string {
  const lower = raw.replace(/^[a-z]+/i, (word) => word.toLowerCase()).replace(/\s+unsigned$/i, ' unsigned');
  return lower.replace(/^(tinyint|smallint|mediumint|int|bigint)\((\d+)\)/, (whole, base: string, width: string) =>
    base === 'tinyint' && width === '1' ? whole : base,
  );
}

function parseColumn(definition: string): DemoColumn {
  const head = /^`([^`]+)`\s+/.exec(definition);
  if (head === null) throw new Error(`not a column definition: ${definition}`);
  const name = head[1] ?? '';
  let rest = definition.slice(head[0].length);
  const typeMatch = /^[a-z]+(\((?:'(?:[^'\\]|\\.|'')*'|[^)'])*\))?(\s+unsigned)?/i.exec(rest);
  if (typeMatch === null) throw new Error(`no type in: ${definition}`);
  const type = normaliseType(typeMatch[0]);
  rest = rest.slice(typeMatch[0].length);
  rest = rest.replace(/CHARACTER SET \w+/i, '').replace(/COLLATE \w+/i, '');
  let nullable = true;
  let defaultValue: string | null = null;
  if (/\bNOT NULL\b/i.test(rest)) nullable = false;
  const defaultAt = rest.search(/\bDEFAULT\s/i);
  if (defaultAt >= 0) {
    const after = rest.slice(defaultAt).replace(/^DEFAULT\s+/i, '');
    if (after.startsWith("'")) defaultValue = readQuoted(after, 0).value;
    else if (!/^NULL\b/i.test(after)) {
      // No demo table has an expression default (CURRENT_TIMESTAMP…); refuse rather than guess.
      throw new Error(`unsupported DEFAULT expression in ${definition}`);
    }
  }
  if (/\bON UPDATE\b/i.test(rest)) throw new Error(`unsupported ON UPDATE in ${definition}`);
  return { name, type, nullable, default: defaultValue, autoIncrement: false };
}

function parseCreateTables(sql: string, wanted: ReadonlySet<string>): Map<string, MutableTable> {
  const tables = new Map<string, MutableTable>();
  const pattern = /CREATE TABLE `([^`]+)` \(\n([\s\S]*?)\n\) ENGINE=/g;
  for (const match of sql.matchAll(pattern)) {
    const name = match[1] ?? '';
    const body = match[2] ?? '';
    if (!wanted.has(name)) continue;
    const columns = body
      .split('\n')
      .map((line) => line.trim().replace(/,$/, ''))
      .filter((line) => line.startsWith('`'))
      .map(parseColumn);
    tables.set(name, { name, columns, primaryKey: [], indexes: [] });
  }
  return tables;
}

/** `(\`a\`,\`b\`(191))` → ['a', 'b'] (prefix lengths dropped: the demo never indexes long text). */
function keyColumns(list: string): string[] {
  return splitTopLevel(list.replace(/^\(|\)$/g, '')).map((part) => part.replace(/\(\d+\)$/, '').replace(/`/g, ''));
}

function applyAlterTables(sql: string, tables: Map<string, MutableTable>): void {
  const pattern = /ALTER TABLE `([^`]+)`\n([\s\S]*?);\n/g;
  for (const match of sql.matchAll(pattern)) {
    const table = tables.get(match[1] ?? '');
    if (table === undefined) continue;
    for (const clause of splitTopLevel((match[2] ?? '').replace(/\n/g, ' '))) {
      const pk = /^ADD PRIMARY KEY (\(.*\))$/.exec(clause);
      const key = /^ADD (UNIQUE )?KEY `([^`]+)` (\(.*\))$/.exec(clause);
      const modify = /^MODIFY `([^`]+)` .*AUTO_INCREMENT/.exec(clause);
      if (pk !== null) table.primaryKey = keyColumns(pk[1] ?? '');
      else if (key !== null) {
        table.indexes.push({ name: key[2] ?? '', columns: keyColumns(key[3] ?? ''), unique: key[1] !== undefined });
      } else if (modify !== null) {
        const index = table.columns.findIndex((c) => c.name === modify[1]);
        const column = table.columns[index];
        if (column === undefined) throw new Error(`AUTO_INCREMENT on unknown column ${table.name}.${modify[1]}`);
        table.columns[index] = { ...column, autoIncrement: true };
      } else if (/^(ADD CONSTRAINT|AUTO_INCREMENT=)/.test(clause)) {
        // Foreign keys: none between demo tables. AUTO_INCREMENT=N reflects removed seed rows.
      } else {
        throw new Error(`unrecognised ALTER clause on ${table.name}: ${clause}`);
      }
    }
  }
}

function extract(sql: string): DemoSchema {
  const all = parseCreateTables(sql, new Set<string>(DEMO_TABLES));
  applyAlterTables(sql, all);
  const tables: DemoTable[] = DEMO_TABLES.map((name) => {
    const table = all.get(name);
    if (table === undefined) throw new Error(`${name} is not in the schema file`);
    return table;
  });
  return { tables };
}

/** JSON with one column or index per line: readable diffs when the schema is re-extracted. */
function formatSchema(schema: DemoSchema): string {
  const tables = schema.tables.map((t) => {
    const columns = t.columns.map((c) => `        ${JSON.stringify(c)}`).join(',\n');
    const indexes = t.indexes.map((i) => `        ${JSON.stringify(i)}`).join(',\n');
    return [
      '    {',
      `      "name": ${JSON.stringify(t.name)},`,
      `      "columns": [\n${columns}\n      ],`,
      `      "primaryKey": ${JSON.stringify(t.primaryKey)},`,
      t.indexes.length === 0 ? '      "indexes": []' : `      "indexes": [\n${indexes}\n      ]`,
      '    }',
    ].join('\n');
  });
  return `{\n  "tables": [\n${tables.join(',\n')}\n  ]\n}\n`;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? path.resolve(root, '../shared/perfex/perfex-3.4.1-schema.sql');
const target = path.join(root, 'resources/demo/schema.json');
const schema = extract(fs.readFileSync(source, 'utf8'));
fs.writeFileSync(target, formatSchema(schema));
const columns = schema.tables.reduce((n, t) => n + t.columns.length, 0);
console.log(`wrote ${path.relative(root, target)}: ${schema.tables.length} tables, ${columns} columns`);
