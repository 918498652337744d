import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isPostgresConnectionLoss, isPostgresWriteAfterClose } from './postgres-write-race.ts';

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

/**
 * The real thing, against the CI Postgres: a query in flight when its connection is cut (a TCP
 * proxy destroys both sockets, as an immediate database restart does), with nothing awaiting it.
 */
describe.skipIf(!process.env.DATABASE_URL)('a postgres.js connection lost under an unawaited query', () => {
  const script = (withHandler: boolean) => `
    import net from 'node:net';
    import postgres from 'postgres';
    import { survivePostgresWriteAfterClose } from ${JSON.stringify(new URL('./postgres-write-race.ts', import.meta.url).pathname)};
    ${withHandler ? "survivePostgresWriteAfterClose((e) => process.stdout.write('survived ' + e.code + '\\n'));" : ''}
    const target = new URL(process.env.DATABASE_URL);
    const sockets = [];
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      sockets.push(client, upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => {}); upstream.on('error', () => {});
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    const url = new URL(process.env.DATABASE_URL);
    url.hostname = '127.0.0.1'; url.port = String(proxy.address().port);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await sql\`select 1\`;
    sql\`select pg_sleep(2)\`.execute(); // nobody awaits it
    setTimeout(() => { for (const s of sockets) s.destroy(); }, 200);
    setTimeout(() => { process.stdout.write('still running\\n'); proxy.close(); process.exit(0); }, 800);
  `;
  const run = (withHandler: boolean) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(withHandler)], { encoding: 'utf8', env: process.env, timeout: 20_000 });

  it('ends a process without the handler, and is survived with it (the soak’s worker exit, seed 53)', () => {
    const bare = run(false);
    expect(bare.status, bare.stderr).toBe(1);
    expect(bare.stderr).toContain('CONNECTION_CLOSED');
    const guarded = run(true);
    expect(guarded.stderr).toBe('');
    expect(guarded.stdout).toBe('survived CONNECTION_CLOSED\nstill running\n');
    expect(guarded.status).toBe(0);
  });

  it('is recognised only with its code and a postgres.js frame on top', () => {
    const lost = errorAt('write CONNECTION_CLOSED 127.0.0.1:5432', 'Socket.closed (/app/node_modules/postgres/src/connection.js:453:57)', Error);
    Object.assign(lost, { code: 'CONNECTION_CLOSED' });
    expect(isPostgresConnectionLoss(lost)).toBe(true);
    expect(isPostgresConnectionLoss(Object.assign(errorAt('x', 'Socket.closed (/app/src/ours.ts:1:1)', Error), { code: 'CONNECTION_CLOSED' }))).toBe(false);
    expect(
      isPostgresConnectionLoss(Object.assign(errorAt('x', 'Socket.closed (/app/node_modules/postgres/src/connection.js:1:1)', Error), { code: '57P01' })),
    ).toBe(false);
  });
});
