import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** The machine's PostgreSQL server binaries (Debian layout); FISCUS_SOAK_PG_BIN overrides. */
export const PG_BIN = process.env.FISCUS_SOAK_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why the soak cannot run its own Postgres here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  for (const b of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(PG_BIN, b))) return `PostgreSQL server binary ${join(PG_BIN, b)} not found (set FISCUS_SOAK_PG_BIN)`;
  }
  return undefined;
}

/** Root may not run the server: run the binaries as the `postgres` OS user then. */
const asRoot = process.getuid?.() === 0;
export type ShutdownMode = 'fast' | 'immediate';

/**
 * The soak's own throw-away cluster: initdb into a temporary directory, listening on one loopback
 * port only, so restarting or killing it disturbs nothing else on the machine.
 */
export class SoakPostgres {
  readonly dir: string;
  readonly url: string;
  private constructor(
    readonly port: number,
    dir: string,
  ) {
    this.dir = dir;
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** A new cluster under `parentDir` (the run directory: kept with the logs when an invariant breaks). */
  static async create(port: number, parentDir: string): Promise<SoakPostgres> {
    const missing = postgresUnavailable();
    if (missing) throw new Error(missing);
    const dir = mkdtempSync(join(parentDir, 'postgres-'));
    if (asRoot) chownSync(dir, await idOf('-u'), await idOf('-g'));
    const pg = new SoakPostgres(port, dir);
    await pg.exec('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.start();
    return pg;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    // fsync off: the soak tests crash recovery of OUR code, not of the disk; the server still replays its WAL.
    const opts = `-c listen_addresses=127.0.0.1 -p ${this.port} -c unix_socket_directories=${this.dir} -c fsync=off -c max_connections=200`;
    await this.exec('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
  }

  async stop(mode: ShutdownMode): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async isRunning(): Promise<boolean> {
    try {
      await this.exec('pg_ctl', ['-D', this.data, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  async restart(mode: ShutdownMode): Promise<void> {
    await this.stop(mode);
    await this.start();
  }

  /** Drops every client connection but ours (pg_terminate_backend): the pools must reconnect. */
  async terminateBackends(): Promise<number> {
    const sql = postgres(this.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`;
      return rows.filter((r) => r.ok).length;
    } finally {
      await sql.end({ timeout: 2 });
    }
  }

  /** Stops the server; its data stays in the run directory, which the caller removes or keeps. */
  async shutdown(): Promise<void> {
    await this.stop('immediate').catch(() => {});
  }

  private async exec(bin: string, args: string[]): Promise<void> {
    const path = join(PG_BIN, bin);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    await run(cmd, argv, { cwd: this.dir, timeout: 120_000 });
  }
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, 'postgres']);
  return Number.parseInt(stdout.trim(), 10);
}
