import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isPostgresWriteAfterClose } from './postgres-write-race.ts';

function errorAt(message: string, frame: string, Kind: typeof Error = TypeError): Error {
  const err = new Kind(message);
  err.stack = `${Kind.name}: ${message}\n    at ${frame}\n    at process.processImmediate (node:internal/timers:483:21)`;
  return err;
}

describe('the postgres.js write-after-close race', () => {
  it('is recognised from its message and top frame', () => {
    const race = errorAt("Cannot read properties of null (reading 'write')", 'Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:258:22)');
    expect(isPostgresWriteAfterClose(race)).toBe(true);
  });

  it('is not confused with any other error', () => {
    const frame = 'Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:258:22)';
    expect(isPostgresWriteAfterClose(errorAt("Cannot read properties of null (reading 'end')", frame))).toBe(false);
    expect(isPostgresWriteAfterClose(errorAt("Cannot read properties of null (reading 'write')", frame, Error))).toBe(false);
    expect(isPostgresWriteAfterClose(errorAt("Cannot read properties of null (reading 'write')", 'nextWrite (/app/src/our-code.ts:1:1)'))).toBe(false);
    expect(isPostgresWriteAfterClose("Cannot read properties of null (reading 'write')")).toBe(false);
  });

  it('is survived by a process with the handler, while any other uncaught error still ends it', () => {
    const run = (thrown: string) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import { survivePostgresWriteAfterClose } from ${JSON.stringify(new URL('./postgres-write-race.ts', import.meta.url).pathname)};
           survivePostgresWriteAfterClose(() => process.stdout.write('survived\\n'));
           setImmediate(() => { const e = new TypeError(${JSON.stringify(thrown)}); e.stack = 'TypeError: x\\n    at Immediate.nextWrite (/x/node_modules/postgres/src/connection.js:258:22)'; throw e; });
           setTimeout(() => process.stdout.write('still running\\n'), 50);`,
        ],
        { encoding: 'utf8' },
      );
    const race = run("Cannot read properties of null (reading 'write')");
    expect(race.status).toBe(0);
    expect(race.stdout).toBe('survived\nstill running\n');
    const other = run('something else');
    expect(other.status).toBe(1);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain('nextWrite');
  });
});
