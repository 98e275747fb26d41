/** The output of compile: SQL text with `?` placeholders and the values bound to them, in order. */
import type { SqlValue } from '../db/driver.ts';

export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Accumulates SQL text and parameters; values only ever enter through `param`. */
export class SqlBuilder {
  private readonly parts: string[] = [];
  private readonly values: SqlValue[] = [];

  text(sql: string): this {
    this.parts.push(sql);
    return this;
  }

  param(value: SqlValue): this {
    this.parts.push('?');
    this.values.push(value);
    return this;
  }

  /** `(?, ?, ?)` for a list of values. */
  list(values: readonly SqlValue[]): this {
    this.parts.push('(');
    values.forEach((v, i) => {
      if (i > 0) this.parts.push(', ');
      this.param(v);
    });
    this.parts.push(')');
    return this;
  }

  build(): CompiledQuery {
    return { sql: this.parts.join(''), params: this.values };
  }
}
