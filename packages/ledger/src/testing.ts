/**
 * Test helpers: the same suite runs on PGlite and, when DATABASE_URL is set, on a real Postgres
 * (docs/architecture.md "Checks and tests"). Every backend hands out a fresh, migrated, disposable database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe } from 'vitest';
import { MIGRATIONS_DIR, createDb, type CreateDbOptions, type Database, type Db } from './db.ts';

export interface TestDatabase {
  /** Pass to createDb() — also from a child process — to open this database again. */
  options: CreateDbOptions;
  /** A new connection (PGlite: the data dir may be open in one process at a time). */
  open(): Promise<Database>;
  /** Remove the database; close every handle from open() first (Postgres: force-terminated). */
  drop(): Promise<void>;
}

export interface TestBackend {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

/** File-backed PGlite in a temp dir, so a child process can open it by its options too. */
export const pgliteBackend: TestBackend = {
  name: 'pglite',
  async create() {
    const dataDir = await mkdtemp(join(SCRATCH, 'fiscus-pglite-'));
    // Copying a migrated data dir is ~4x faster than initdb + migrations for every database.
    await cp(await pgliteTemplate(), dataDir, { recursive: true });
    const options: CreateDbOptions = { dataDir };
    return {
      options,
      open: () => createDb({ ...options, migrate: false }),
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

/**
 * Where test data dirs live: memory (tmpfs) where the machine has it. A data dir is ~600 small
 * files; copying and removing one for every test took twice as long on disk.
 */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

let template: Promise<string> | undefined;
/**
 * A migrated, closed PGlite data dir shared by every test process, keyed by the migrations'
 * content so a new migration gets a new template. Built aside and renamed into place, so a
 * concurrent builder never sees half a directory; the loser of the race discards its copy.
 * template0 and template1 are dropped from it: no test creates a database in PGlite, and they
 * were half of every copy's files.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = join(SCRATCH, `fiscus-pglite-template-${await migrationsHash()}`);
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    const building = await mkdtemp(join(SCRATCH, 'fiscus-pglite-build-'));
    const database = await createDb({ dataDir: building, migrate: true });
    for (const d of ['template0', 'template1']) {
      await database.db.execute(sql.raw(`ALTER DATABASE ${d} IS_TEMPLATE false`));
      await database.db.execute(sql.raw(`DROP DATABASE ${d}`));
    }
    await database.close();
    await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

let hashed: Promise<string> | undefined;
/** The migrations' content, hashed: a template built from other migrations is never used. */
function migrationsHash(): Promise<string> {
  hashed ??= (async () => {
    const hash = createHash('sha256');
    for (const file of (await readdir(MIGRATIONS_DIR, { recursive: true })).sort()) {
      const path = join(MIGRATIONS_DIR, file);
      if ((await stat(path)).isFile()) hash.update(file).update(await readFile(path));
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return hashed;
}

/**
 * A fresh database on the server at `adminUrl`, created and dropped over a short-lived connection.
 * Cloned from a migrated template database (CREATE DATABASE … TEMPLATE): ~50 ms against ~550 ms for
 * running the migrations into every database, and the suite creates hundreds.
 */
export function postgresBackend(adminUrl: string): TestBackend {
  return {
    name: 'postgres',
    async create() {
      const name = `fiscus_t_${randomBytes(6).toString('hex')}`;
      let source = postgresTemplates.get(adminUrl);
      if (!source) {
        source = postgresTemplate(adminUrl);
        postgresTemplates.set(adminUrl, source);
        // A failed build is not remembered: the next database tries again.
        source.catch(() => postgresTemplates.delete(adminUrl));
      }
      const from = await source;
      await withAdmin(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${from}"`));
      const options: CreateDbOptions = { url: databaseUrl(adminUrl, name) };
      return {
        options,
        open: () => createDb({ ...options, migrate: false }),
        drop: () =>
          withAdmin(adminUrl, async (sql) => {
            // WITH (FORCE) (PG 13+) terminates sessions left open, e.g. by a crashed child process.
            await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          }),
      };
    },
  };
}

/** Per server, the template's name once it exists: looked up once per test process. */
const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The migrated template database on the server, named by the migrations' hash and built once per
 * server: test processes building it at the same moment queue on an advisory lock, and the builder
 * renames it into place only once migrated and closed (a clone needs its template without sessions).
 */
async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `fiscus_tpl_${await migrationsHash()}`;
  const building = `${name}_building`;
  await withAdmin(adminUrl, async (sql) => {
    await sql`SELECT pg_advisory_lock(hashtext('fiscus test template'))`;
    try {
      if ((await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0) return;
      // Left by a builder that died half-way.
      await sql.unsafe(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await sql.unsafe(`CREATE DATABASE "${building}"`);
      await (await createDb({ url: databaseUrl(adminUrl, building), migrate: true })).close();
      await sql.unsafe(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('fiscus test template'))`;
    }
  });
  return name;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(url: string, fn: (sql: import('postgres').Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** PGlite always; Postgres too when DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  return url ? [pgliteBackend, postgresBackend(url)] : [pgliteBackend];
}

/** `describe.each` over testBackends(): one block per backend, titled `<title> [pglite]` etc. */
export function describeEachBackend(title: string, fn: (backend: TestBackend) => void): void {
  describe.each(testBackends())(`${title} [$name]`, (backend) => fn(backend));
}

export interface TestDbHandle {
  database: Database;
  db: Db;
  options: CreateDbOptions;
  /** Close the connection and drop the database. */
  cleanup(): Promise<void>;
}

/** Create, migrate and open a throwaway database on `backend`. */
export async function createTestDb(backend: TestBackend): Promise<TestDbHandle> {
  const created = await backend.create();
  const database = await created.open();
  return {
    database,
    db: database.db,
    options: created.options,
    async cleanup() {
      await database.close();
      await created.drop();
    },
  };
}

/** A fresh database for every test of the enclosing describe block; read `.current` inside tests. */
export function useFreshDatabase(backend: TestBackend): { readonly current: Database } {
  let handle: TestDbHandle | undefined;
  beforeEach(async () => {
    handle = await createTestDb(backend);
  });
  afterEach(async () => {
    await handle?.cleanup();
    handle = undefined;
  });
  return {
    get current(): Database {
      if (!handle) throw new Error('useFreshDatabase: no database outside a test');
      return handle.database;
    },
  };
}
