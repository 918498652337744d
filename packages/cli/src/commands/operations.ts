import { EXIT } from '../exit-codes.ts';
import { ApiError, print, sleep, unwrap, type Ctx } from '../context.ts';

const STEPS = ['requested', 'approved', 'prepared', 'submitted', 'confirmed', 'posted'];
export const TERMINAL = new Set(['posted', 'failed', 'compensated']);

/** Polls an operation until it is posted, failed or compensated; progress through its steps. */
export async function watchOperation(ctx: Ctx, id: string, label = 'operation'): Promise<{ state: string; op: Record<string, unknown> }> {
  const started = Date.now();
  for (;;) {
    const op = unwrap(await ctx.client.GET('/v1/operations/{operationId}', { params: { path: { operationId: id } } })) as Record<string, unknown> & {
      state: string;
      kind: string;
      chain: string;
    };
    ctx.progress.update(
      `${label} ${op.kind} on ${op.chain}`,
      Math.max(0, STEPS.indexOf(op.state)) + (TERMINAL.has(op.state) ? STEPS.length - STEPS.indexOf(op.state) : 0),
      STEPS.length,
      op.state,
    );
    if (TERMINAL.has(op.state)) {
      ctx.progress.done();
      return { state: op.state, op };
    }
    if (Date.now() - started > ctx.flags.timeoutMs) {
      ctx.progress.done();
      throw new ApiError(504, { code: 'TIMEOUT', detail: `operation ${id} still ${op.state} after ${ctx.flags.timeoutMs} ms` });
    }
    await sleep(ctx.flags.intervalMs);
  }
}

/** With --wait, waits for every operation of an answer; the exit code says whether all posted. */
export async function maybeWait(ctx: Ctx, operationIds: string[]): Promise<number> {
  if (!ctx.flags.wait) return EXIT.OK;
  let code: number = EXIT.OK;
  for (const id of operationIds) {
    const { state } = await watchOperation(ctx, id);
    if (!ctx.flags.json) ctx.io.err(`operation ${id}: ${state}\n`);
    if (state !== 'posted') code = EXIT.FAILED;
  }
  return code;
}

export async function operations(ctx: Ctx, action: string, args: string[]): Promise<number> {
  if (action === 'get') {
    print(ctx, unwrap(await ctx.client.GET('/v1/operations/{operationId}', { params: { path: { operationId: args[0]! } } })));
    return EXIT.OK;
  }
  if (action === 'list') {
    const page = unwrap(await ctx.client.GET('/v1/operations', { params: { query: { limit: Number(ctx.flags.values.limit ?? 50) } } }));
    print(ctx, ctx.flags.json ? page : page.items, ['id', 'kind', 'chain', 'state', 'txHash', 'createdAt']);
    return EXIT.OK;
  }
  if (action === 'watch') {
    const { state, op } = await watchOperation(ctx, args[0]!);
    print(ctx, ctx.flags.json ? op : { id: op.id, state, txHash: op.txHash, explorerUrl: op.explorerUrl });
    return state === 'posted' ? EXIT.OK : EXIT.FAILED;
  }
  return -1;
}
