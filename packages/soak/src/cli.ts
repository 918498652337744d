import { randomInt } from 'node:crypto';
import { parseArgs, UsageError } from './args.ts';
import { postgresUnavailable } from './postgres.ts';
import { reproduceCommand } from './report.ts';
import { runSoak } from './soak.ts';

/** `npm run soak -- --seed N --duration 120s`: exit 0 when every invariant held, 1 when one broke, 2 on bad usage. */
async function main(): Promise<number> {
  let o: ReturnType<typeof parseArgs>;
  try {
    o = parseArgs(process.argv.slice(2), () => randomInt(0, 2 ** 32 - 1));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const missing = postgresUnavailable();
  if (missing) {
    process.stderr.write(`soak needs the PostgreSQL server binaries: ${missing}\n`);
    return 2;
  }
  try {
    const results = await runSoak(o, (m) => process.stdout.write(`${m}\n`));
    const broken = results.filter((r) => !r.ok);
    process.stdout.write(
      `\n${results.length} seed(s): ${broken.length ? `INVARIANT BROKEN for seed(s) ${broken.map((r) => r.options.seed).join(', ')}` : 'every invariant held'}\n`,
    );
    return broken.length ? 1 : 0;
  } catch (e) {
    process.stderr.write(`soak run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nreproduce: ${reproduceCommand(o)}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
