/**
 * One reading of a declared column type for both dialects. MySQL reports `COLUMN_TYPE`; SQLite keeps
 * the declared type verbatim. The demo SQLite file declares MySQL type names, so parsing both with the
 * same function makes the two introspect to the same `DbColumn`.
 *
 * The normalised `columnType` follows MySQL 8.0.19+, which no longer reports integer display widths
 * except `tinyint(1)` ("Integer display width is deprecated", MySQL 8.0 release notes): MariaDB's
 * `int(11)` and a SQLite `int`/`INTEGER` all become `int`.
 */
import type { DataType } from './db-schema.ts';

export interface ColumnTypeInfo {
  readonly dataType: DataType;
  /** Normalised declared type: `int`, `int unsigned`, `tinyint(1)`, `decimal(15,2)`, `enum('a','b')`. */
  readonly columnType: string;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly maxLength: number | null;
  readonly unsigned: boolean;
  readonly enumValues: readonly string[] | null;
}

const INTEGER_TYPES: Readonly<Record<string, DataType>> = {
  tinyint: 'tinyint',
  int1: 'tinyint',
  smallint: 'smallint',
  int2: 'smallint',
  mediumint: 'mediumint',
  int3: 'mediumint',
  middleint: 'mediumint',
  int: 'int',
  integer: 'int',
  int4: 'int',
  bigint: 'bigint',
  int8: 'bigint',
  'unsigned big int': 'bigint',
};

/** Sizes MySQL documents for the unsized string and blob types ("String Type Storage Requirements"). */
const FIXED_LENGTHS: Readonly<Partial<Record<DataType, number>>> = {
  tinytext: 255,
  text: 65_535,
  mediumtext: 16_777_215,
  longtext: 4_294_967_295,
  tinyblob: 255,
  blob: 65_535,
  mediumblob: 16_777_215,
  longblob: 4_294_967_295,
};

const SIMPLE_TYPES: Readonly<Record<string, DataType>> = {
  decimal: 'decimal',
  dec: 'decimal',
  numeric: 'decimal',
  fixed: 'decimal',
  float: 'float',
  double: 'double',
  'double precision': 'double',
  real: 'double',
  float8: 'double',
  float4: 'float',
  char: 'char',
  character: 'char',
  nchar: 'char',
  'native character': 'char',
  varchar: 'varchar',
  'character varying': 'varchar',
  'varying character': 'varchar',
  nvarchar: 'varchar',
  'national varchar': 'varchar',
  'national character varying': 'varchar',
  varchar2: 'varchar',
  tinytext: 'tinytext',
  text: 'text',
  mediumtext: 'mediumtext',
  longtext: 'longtext',
  clob: 'longtext',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'timestamp',
  time: 'time',
  year: 'year',
  enum: 'enum',
  set: 'set',
  json: 'json',
  binary: 'binary',
  varbinary: 'varbinary',
  tinyblob: 'tinyblob',
  blob: 'blob',
  mediumblob: 'mediumblob',
  longblob: 'longblob',
  bit: 'bit',
};

const DECLARED = /^([a-z][a-z0-9 ]*?)\s*(?:\((.*)\))?((?:\s+(?:unsigned|signed|zerofill))*)\s*$/is;

function numberOrNull(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text.trim());
  return Number.isInteger(n) ? n : null;
}

/** `'a','it''s'` → ['a', "it's"]; MySQL doubles quotes inside values, and also accepts backslash escapes. */
export function parseEnumValues(list: string): string[] {
  return [...list.matchAll(/'((?:[^'\\]|\\.|'')*)'/g)].map((m) =>
    (m[1] ?? '').replace(/''/g, "'").replace(/\\(.)/g, '$1'),
  );
}

function quoteEnumValue(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1) for a declared type that is not a
 * MySQL type name, so a plain SQLite file still reads sensibly.
 */
function sqliteAffinity(base: string): DataType {
  if (base === '') return 'unknown';
  if (base.includes('int')) return 'int';
  if (/char|clob|text/.test(base)) return 'text';
  if (base.includes('blob')) return 'blob';
  if (/real|floa|doub/.test(base)) return 'double';
  return 'unknown';
}

/** Parses `decimal(15,2) unsigned`, `INTEGER`, `enum('a','b')`, `varchar(191)`… into its parts. */
export function parseColumnType(declared: string): ColumnTypeInfo {
  const trimmed = declared.trim();
  const match = DECLARED.exec(trimmed);
  const base = (match?.[1] ?? trimmed).toLowerCase().replace(/\s+/g, ' ');
  const args = match?.[2];
  const modifiers = (match?.[3] ?? '').toLowerCase();
  const unsigned = /\bunsigned\b/.test(modifiers) || base === 'unsigned big int';
  const sign = unsigned ? ' unsigned' : '';
  const none = { precision: null, scale: null, maxLength: null, unsigned: false, enumValues: null } as const;

  // MySQL: BOOL and BOOLEAN are synonyms for TINYINT(1).
  if (base === 'bool' || base === 'boolean') {
    return { ...none, dataType: 'tinyint', columnType: 'tinyint(1)', precision: 1 };
  }
  const integer = INTEGER_TYPES[base];
  if (integer !== undefined) {
    const width = numberOrNull(args);
    const flag = integer === 'tinyint' && width === 1;
    return {
      ...none,
      dataType: integer,
      columnType: `${integer}${flag ? '(1)' : ''}${sign}`,
      precision: flag ? 1 : null,
      unsigned,
    };
  }
  const simple = match === null ? undefined : SIMPLE_TYPES[base];
  if (simple === undefined) {
    const dataType = sqliteAffinity(base);
    return { ...none, dataType, columnType: trimmed.toLowerCase(), maxLength: FIXED_LENGTHS[dataType] ?? null };
  }
  const [first, second] = (args ?? '').split(',');
  switch (simple) {
    case 'decimal': {
      // MySQL defaults: DECIMAL = DECIMAL(10,0), DECIMAL(M) = DECIMAL(M,0).
      const precision = numberOrNull(first) ?? 10;
      const scale = numberOrNull(second) ?? 0;
      return {
        ...none,
        dataType: 'decimal',
        columnType: `decimal(${precision},${scale})${sign}`,
        precision,
        scale,
        unsigned,
      };
    }
    case 'float':
    case 'double': {
      const precision = numberOrNull(first);
      const scale = numberOrNull(second);
      const size = precision === null ? '' : scale === null ? `(${precision})` : `(${precision},${scale})`;
      return { ...none, dataType: simple, columnType: `${simple}${size}${sign}`, precision, scale, unsigned };
    }
    case 'char':
    case 'binary':
    case 'varchar':
    case 'varbinary': {
      // CHAR and BINARY default to length 1; VARCHAR without a length is only legal in SQLite.
      const length = numberOrNull(first) ?? (simple === 'char' || simple === 'binary' ? 1 : null);
      return {
        ...none,
        dataType: simple,
        columnType: length === null ? simple : `${simple}(${length})`,
        maxLength: length,
      };
    }
    case 'bit': {
      const bits = numberOrNull(first) ?? 1;
      return { ...none, dataType: 'bit', columnType: `bit(${bits})`, precision: bits };
    }
    case 'enum':
    case 'set': {
      const values = parseEnumValues(args ?? '');
      return {
        ...none,
        dataType: simple,
        columnType: `${simple}(${values.map(quoteEnumValue).join(',')})`,
        enumValues: values,
      };
    }
    case 'datetime':
    case 'timestamp':
    case 'time': {
      // Fractional seconds precision; 0 is the default and MySQL omits it.
      const fsp = numberOrNull(first);
      return {
        ...none,
        dataType: simple,
        columnType: fsp === null || fsp === 0 ? simple : `${simple}(${fsp})`,
        scale: fsp !== null && fsp > 0 ? fsp : null,
      };
    }
    case 'year':
      return { ...none, dataType: 'year', columnType: 'year' };
    default:
      return { ...none, dataType: simple, columnType: simple, maxLength: FIXED_LENGTHS[simple] ?? null };
  }
}
