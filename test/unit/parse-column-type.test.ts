import { describe, expect, it } from 'vitest';
import { normalizeDefault } from '../../src-server/introspect/normalize-default.ts';
import { parseColumnType } from '../../src-server/introspect/parse-column-type.ts';

describe('parseColumnType', () => {
  it.each([
    // declared, dataType, normalised columnType
    ['int(11)', 'int', 'int'],
    ['INTEGER', 'int', 'int'],
    ['int', 'int', 'int'],
    ['int(10) unsigned', 'int', 'int unsigned'],
    ['bigint(20) unsigned', 'bigint', 'bigint unsigned'],
    ['tinyint(1)', 'tinyint', 'tinyint(1)'],
    ['tinyint(4)', 'tinyint', 'tinyint'],
    ['tinyint(3) unsigned', 'tinyint', 'tinyint unsigned'],
    ['BOOLEAN', 'tinyint', 'tinyint(1)'],
    ['decimal(15,2)', 'decimal', 'decimal(15,2)'],
    ['DECIMAL', 'decimal', 'decimal(10,0)'],
    ['numeric(8)', 'decimal', 'decimal(8,0)'],
    ['double', 'double', 'double'],
    ['REAL', 'double', 'double'],
    ['float(7,3)', 'float', 'float(7,3)'],
    ['varchar(191)', 'varchar', 'varchar(191)'],
    ['char', 'char', 'char(1)'],
    ['TEXT', 'text', 'text'],
    ['mediumtext', 'mediumtext', 'mediumtext'],
    ['longtext', 'longtext', 'longtext'],
    ['datetime', 'datetime', 'datetime'],
    ['datetime(3)', 'datetime', 'datetime(3)'],
    ['timestamp', 'timestamp', 'timestamp'],
    ['date', 'date', 'date'],
    ['year(4)', 'year', 'year'],
    ['BLOB', 'blob', 'blob'],
    ['json', 'json', 'json'],
    ['bit(1)', 'bit', 'bit(1)'],
    ["enum('pending','sending')", 'enum', "enum('pending','sending')"],
    ["set('a','b')", 'set', "set('a','b')"],
    // SQLite affinity for names MySQL does not have (https://sqlite.org/datatype3.html §3.1)
    ['UNSIGNED BIG INT', 'bigint', 'bigint unsigned'],
    ['NVARCHAR(100)', 'varchar', 'varchar(100)'],
    ['CLOB', 'longtext', 'longtext'],
    ['STRING', 'unknown', 'string'],
    ['', 'unknown', ''],
  ])('%s → %s %s', (declared, dataType, columnType) => {
    const parsed = parseColumnType(declared);
    expect(parsed.dataType).toBe(dataType);
    expect(parsed.columnType).toBe(columnType);
  });

  it('reads sizes, sign and enum values', () => {
    expect(parseColumnType('decimal(15,2) unsigned')).toEqual({
      dataType: 'decimal',
      columnType: 'decimal(15,2) unsigned',
      precision: 15,
      scale: 2,
      maxLength: null,
      unsigned: true,
      enumValues: null,
    });
    expect(parseColumnType('varchar(191)')).toMatchObject({ maxLength: 191, precision: null, unsigned: false });
    expect(parseColumnType('mediumtext').maxLength).toBe(16_777_215);
    expect(parseColumnType('tinyint(1)').precision).toBe(1);
    expect(parseColumnType('int(11)').precision).toBeNull();
    expect(parseColumnType("enum('a','it''s','c,d')").enumValues).toEqual(['a', "it's", 'c,d']);
    expect(parseColumnType("enum('a','it''s','c,d')").columnType).toBe("enum('a','it''s','c,d')");
  });
});

describe('normalizeDefault', () => {
  it.each([
    // MariaDB and SQLite report SQL text
    ["'INBOX'", 'INBOX'],
    ["'it''s'", "it's"],
    ["''", ''],
    ['NULL', null],
    ['0', '0'],
    ['0.00', '0.00'],
    ['current_timestamp()', 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
    ["('x')", 'x'],
    ["(datetime('now'))", "datetime('now')"],
    [null, null],
  ])('sql text %s → %s', (raw, expected) => {
    expect(normalizeDefault(raw, 'sql-text')).toBe(expected);
  });

  it('keeps MySQL 8 bare values as they are, except the clock', () => {
    expect(normalizeDefault('INBOX', 'bare')).toBe('INBOX');
    expect(normalizeDefault("'quoted'", 'bare')).toBe("'quoted'");
    expect(normalizeDefault('NULL', 'bare')).toBe('NULL');
    expect(normalizeDefault('CURRENT_TIMESTAMP', 'bare')).toBe('CURRENT_TIMESTAMP');
    expect(normalizeDefault(null, 'bare')).toBeNull();
  });
});
