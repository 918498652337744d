import { parseArgs } from 'node:util';
import { createFiscusClient, type FiscusClientOptions } from '@fiscus/client';
import { ApiError, UsageErrorFlag, type Ctx } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { Progress, processIo, type Io } from './output.ts';
import { resolveProfile, UsageError } from './profile.ts';
import { distributions } from './commands/distributions.ts';
import { operations } from './commands/operations.ts';
import { attestations, chains, deployments, funds, investors, moves, nav, reconciliations, redemptions, subscriptions, wallets } from './commands/resources.ts';

export const HELP = `fiscus — the Fiscus API from a shell

usage: fiscus <resource> <action> [ids…] [flags]

  funds list | get <fundId> | create --name --symbol [--decimals] [--nav]
  deployments list <fundId> | create <fundId> --chain [--wait]
  investors list [--kyc-status] [--jurisdiction] [--type] [--q] [--kyc-expires-before] | get <id> | create --name --jurisdiction --type [--kyc-status]
  wallets list <investorId> | register <fundId> --investor --chain --address [--wait]
  subscriptions create <fundId> --investor --chain --address (--units | --usd) [--wait]
  moves list <fundId> | get <fundId> <moveId> | create <fundId> --from-chain --from-address --to-chain --to-address --units [--wait]
  redemptions list <fundId> | create <fundId> --investor --chain --address --units [--wait]
  distributions list <fundId> | get <fundId> <id> | create <fundId> (--units | --rate) [--record-time] [--wait]
  nav get <fundId> | publish <fundId> --nav [--reason] [--wait]
  reconciliations list <fundId> | run <fundId> [--chain] [--strict]
  attestations list <fundId> | latest <fundId> | create <fundId> [--wait]
  operations list | get <id> | watch <id>
  chains list

flags: --json (machine output on stdout)  --wait (wait for the operations, with progress on stderr)
       --url / --api-key / --profile (else FISCUS_API_URL, FISCUS_API_KEY, FISCUS_PROFILE, ~/.config/fiscus/config.json)
       --idempotency-key (default: a fresh one)  --limit  --interval-ms (500)  --timeout-ms (600000)

exit codes: 0 ok · 1 internal · 2 usage · 3 unauthenticated/forbidden · 4 not found · 5 refused (4xx: the code is printed)
            6 unavailable (5xx, 429, no answer) · 7 an operation/distribution/move waited for did not succeed
`;

const STRING_FLAGS = [
  'url',
  'api-key',
  'profile',
  'idempotency-key',
  'limit',
  'cursor',
  'interval-ms',
  'timeout-ms',
  'name',
  'symbol',
  'decimals',
  'nav',
  'reason',
  'chain',
  'investor',
  'address',
  'units',
  'usd',
  'rate',
  'record-time',
  'jurisdiction',
  'type',
  'kyc-status',
  'kyc-expires-at',
  'kyc-expires-before',
  'q',
  'from-chain',
  'from-address',
  'to-chain',
  'to-address',
] as const;

type Command = (ctx: Ctx, action: string, args: string[]) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  funds,
  deployments,
  investors,
  wallets,
  subscriptions,
  moves,
  redemptions,
  distributions,
  nav,
  reconciliations,
  attestations,
  operations,
  chains,
};

/** Runs one command line; returns the exit code (never exits: tests call it in-process). */
export async function main(argv: string[], o: { io?: Io; env?: NodeJS.ProcessEnv; fetch?: FiscusClientOptions['fetch'] } = {}): Promise<number> {
  const io = o.io ?? processIo;
  const env = o.env ?? process.env;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        wait: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    io.err(`fiscus: ${(e as Error).message}\n`);
    return EXIT.USAGE;
  }
  const [resource, action, ...args] = parsed.positionals;
  if (parsed.values.help || !resource) {
    io.out(HELP);
    return resource || parsed.values.help ? EXIT.OK : EXIT.USAGE;
  }
  const command = COMMANDS[resource];
  if (!command || !action) {
    io.err(`fiscus: unknown command "${parsed.positionals.join(' ')}"\n\n${HELP}`);
    return EXIT.USAGE;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const json = values.json === true;
  try {
    const profile = resolveProfile(
      { url: values.url as string | undefined, apiKey: values['api-key'] as string | undefined, profile: values.profile as string | undefined },
      env,
    );
    const ctx: Ctx = {
      client: createFiscusClient({ baseUrl: profile.url, apiKey: profile.key, fetch: o.fetch }),
      io,
      flags: {
        json,
        wait: values.wait === true,
        intervalMs: Number(values['interval-ms'] ?? 500),
        timeoutMs: Number(values['timeout-ms'] ?? 600_000),
        values: { ...(values as Record<string, string | undefined>), strict: values.strict ? 'true' : undefined },
      },
      progress: new Progress(io, io.isTty && !json),
    };
    const code = await command(ctx, action, args);
    if (code === -1) {
      io.err(`fiscus: unknown action "${resource} ${action}"\n\n${HELP}`);
      return EXIT.USAGE;
    }
    return code;
  } catch (e) {
    return report(io, json, e);
  }
}

/** Errors go to stderr (and, with --json, as a JSON problem on stdout for scripts). */
function report(io: Io, json: boolean, e: unknown): number {
  if (e instanceof UsageError || e instanceof UsageErrorFlag) {
    io.err(`fiscus: ${e.message}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof ApiError) {
    if (json) io.out(`${JSON.stringify({ error: { status: e.status, ...e.problem } }, null, 2)}\n`);
    io.err(`fiscus: ${e.status} ${e.problem?.code ?? ''}: ${e.problem?.detail ?? e.message}\n`);
    return e.exitCode;
  }
  const err = e as Error & { cause?: { code?: string } };
  if (err instanceof TypeError && /fetch/i.test(err.message)) {
    io.err(`fiscus: the API did not answer (${err.cause?.code ?? err.message})\n`);
    return EXIT.UNAVAILABLE;
  }
  io.err(`fiscus: ${err.message ?? String(e)}\n`);
  return EXIT.INTERNAL;
}
