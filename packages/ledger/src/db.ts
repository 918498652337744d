import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database handle or an open transaction: queries take either, shaped `(db, params)`. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Is `db` a caller's transaction (PGlite's and postgres.js's both extend PgTransaction)? */
export const inTransaction = (db: Db): boolean => db instanceof PgTransaction;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres://… ; when absent an embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
  /** Apply the SQL migrations in drizzle/ (default true). */
  migrate?: boolean;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** PGlite when no URL is given, postgres.js when one is: the same schema and queries on both. */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const database = options.url ? await openPostgres(options.url, options.max ?? 10) : await openPglite(options.dataDir);
  if (options.migrate === false) return database;
  try {
    if (options.url) await withMigrationLock(options.url, () => migrate(database));
    else await migrate(database);
  } catch (e) {
    // Do not leak the pool (it would keep the process alive) when migrations fail.
    await database.close().catch(() => {});
    throw e;
  }
  return database;
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max, onnotice: () => {} });
  return { db: drizzle(preparedStatements(client), { schema }) as unknown as Db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/**
 * drizzle runs every query it was not given a name for with `prepare: false`, and postgres.js
 * describes such a query before it runs it whenever it has parameters: two round trips, and a
 * parse and plan on the server, for every statement (the pipeline bench's 1,000 mints sent
 * 17,429 Parse messages for 17,460 statements). With `prepare: true` postgres.js keeps a named
 * statement per connection, keyed by text and parameter types, and runs it again with one Bind
 * and Execute. Every `unsafe` call — drizzle's only way to run a query — is made with it, in
 * transactions and savepoints too, except one with more than PREPARED_MAX_PARAMS parameters:
 * an `in (…)` list of every length would be a statement of its own on the server, for the
 * connection's life (postgres.js recycles one every 30–60 min, `max_lifetime`), and a bulk
 * statement's work dwarfs one round trip. Not for a pooler in transaction mode (PgBouncer),
 * which cannot keep named statements: point DATABASE_URL at Postgres itself.
 */
function preparedStatements<T extends PreparingClient>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) =>
          target.unsafe(query, params, { ...options, prepare: (params?.length ?? 0) <= PREPARED_MAX_PARAMS });
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: PreparingClient) => unknown;
          return (target[key] as (...a: unknown[]) => unknown)(...args, (tx: PreparingClient) => work(preparedStatements(tx)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Statements with more parameters run unnamed (see preparedStatements). */
export const PREPARED_MAX_PARAMS = 100;

/** The part of a postgres.js client drizzle runs queries and transactions through. */
interface PreparingClient {
  unsafe(query: string, params?: unknown[], options?: object): unknown;
  begin: (...args: never[]) => unknown;
  savepoint?: (...args: never[]) => unknown;
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  return { db: drizzle(client, { schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    await run(database.db as never, config);
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, config);
  }
}

/** Advisory-lock key for migrations ('fiscmigr' as int8). */
const MIGRATION_LOCK_KEY = '7379556335297849202';

/**
 * One migrator at a time when several processes start together against one server: without it
 * both see no applied migration and the loser fails (duplicate schema / relation). The session
 * lock lives on its own connection so it works whatever the pool size (even max: 1), and is
 * released when that connection closes: right after migrating, or when this process dies.
 */
async function withMigrationLock(url: string, fn: () => Promise<void>): Promise<void> {
  const { default: postgres } = await import('postgres');
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lock.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await fn();
  } finally {
    await lock.end({ timeout: 5 });
  }
}
