import { getTableColumns, getTableName, is, SQL, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';

/**
 * The parts of a table's statements that drizzle's query builder rebuilds on every call, built
 * once: the quoted name, the column list, a SET clause from a patch, the typed row from a raw
 * one, and the select of whole rows. For the statements that run for every operation (transition,
 * the sequence reservation, the reads of an operation and its fund), every API read of one fund
 * or operation, and the one-statement journal entry: building them with the builder — every
 * column of a 25-column row through drizzle's selection and `is()` checks, twice (RETURNING, then
 * the outer select) — was most of drizzle's 29 % of a worker's CPU in the pipeline bench's
 * profile. Values are still encoded by each column (`sql.param(value, column)`) and rows decoded
 * by each column, exactly as the builder does.
 */
export interface TableStatements<T extends PgTable> {
  /** `"table"` */
  readonly table: SQL;
  /** `"a", "b", …` in declaration order: for RETURNING. */
  readonly columns: SQL;
  /** `"a" = $1, "b" = $2` for the defined keys of `patch` (SQL values are inlined); undefined when none is. */
  set(patch: { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL }): SQL | undefined;
  /** A raw row (column names, driver values) as the builder would have returned it. */
  fromRow(raw: Record<string, unknown>): T['$inferSelect'];
  /** The typed rows of `select <every column> from "table" where <condition>` (+ `tail`: order, limit). */
  selectWhere(db: Db, condition: SQL, tail?: SQL): Promise<T['$inferSelect'][]>;
}

export function tableStatements<T extends PgTable>(table: T): TableStatements<T> {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, column]) => ({
    key,
    column,
    name: column.name,
    quoted: sql.raw(quote(column.name)),
  }));
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const name = sql.raw(quote(getTableName(table)));
  const list = sql.raw(columns.map((c) => quote(c.name)).join(', '));
  const statements: TableStatements<T> = {
    table: name,
    columns: list,
    set(patch) {
      const parts: SQL[] = [];
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        const c = byKey.get(key);
        if (!c) throw new Error(`${getTableName(table)} has no column ${key}`);
        parts.push(sql`${c.quoted} = ${is(value, SQL) ? value : sql.param(value, c.column)}`);
      }
      return parts.length === 0 ? undefined : sql.join(parts, sql`, `);
    },
    fromRow(raw) {
      const row: Record<string, unknown> = {};
      for (const c of columns) {
        const value = raw[c.name];
        row[c.key] = value === null || value === undefined ? null : c.column.mapFromDriverValue(value);
      }
      return row as T['$inferSelect'];
    },
    async selectWhere(db, condition, tail) {
      const rows = await executeRows(db, sql`select ${list} from ${name} where ${condition}${tail ? sql` ${tail}` : sql``}`);
      return rows.map((r) => statements.fromRow(r));
    },
  };
  return statements;
}

/** The rows of a raw statement: PGlite answers `{ rows }`, postgres.js the row list itself. */
export async function executeRows<R = Record<string, unknown>>(db: Db, query: SQL): Promise<R[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
