import { survivePostgresWriteAfterClose } from '@fiscus/ledger';
import { ConfigError, loadConfig, type Config } from './config.ts';

/**
 * Shared start-up of the process entry points: bad configuration or a failed start prints one
 * clear line to stderr and exits 1, before anything was opened or logged.
 */
export function runEntrypoint(what: string, main: (config: Config) => Promise<void>): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    process.exit(1);
  }
  // A database restart must not kill the process (packages/ledger/src/postgres-write-race.ts).
  survivePostgresWriteAfterClose((err) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', msg: 'a postgres.js connection closed under the process (database restart); the driver reconnects', err: err.message })}\n`,
    );
  });
  main(config).catch((err: unknown) => {
    process.stderr.write(`${what} failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
