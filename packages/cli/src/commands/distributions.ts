import { EXIT } from '../exit-codes.ts';
import { ApiError, idem, print, required, sleep, unwrap, type Ctx } from '../context.ts';

interface ChainProgress {
  chain: string;
  batchesRequested: number;
  batchesPosted: number;
  batchesFailed: number;
}

/** Waits for a distribution to finish, with a progress line per chain (batches posted / requested). */
async function watch(ctx: Ctx, fundId: string, id: string) {
  const started = Date.now();
  for (;;) {
    const d = unwrap(await ctx.client.GET('/v1/funds/{fundId}/distributions/{distributionId}', { params: { path: { fundId, distributionId: id } } }));
    const chains = d.chains as ChainProgress[];
    for (const c of chains) ctx.progress.update(`distribution ${c.chain}`, c.batchesPosted + c.batchesFailed, c.batchesRequested, d.state);
    if (!['pending', 'minting'].includes(d.state)) {
      ctx.progress.done();
      return d;
    }
    if (Date.now() - started > ctx.flags.timeoutMs) {
      ctx.progress.done();
      throw new ApiError(504, { code: 'TIMEOUT', detail: `distribution ${id} still ${d.state} after ${ctx.flags.timeoutMs} ms` });
    }
    await sleep(ctx.flags.intervalMs);
  }
}

export async function distributions(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  const v = ctx.flags.values;
  if (action === 'list') {
    const p = unwrap(await ctx.client.GET('/v1/funds/{fundId}/distributions', { params: { path: { fundId }, query: { limit: Number(v.limit ?? 50) } } }));
    print(ctx, ctx.flags.json ? p : p.items, ['id', 'state', 'recordTime', 'units', 'unitsPaid', 'holders', 'completedAt']);
    return EXIT.OK;
  }
  if (action === 'get') {
    print(ctx, unwrap(await ctx.client.GET('/v1/funds/{fundId}/distributions/{distributionId}', { params: { path: { fundId, distributionId: args[1]! } } })));
    return EXIT.OK;
  }
  if (action !== 'create') return -1;
  const amount = v.rate !== undefined ? { ratePerUnit: v.rate } : { units: required(ctx, 'units') };
  const body = { recordTime: v['record-time'] ?? new Date().toISOString(), ...amount };
  const r = unwrap(await ctx.client.POST('/v1/funds/{fundId}/distributions', { params: { path: { fundId }, header: idem(ctx) }, body: body as never }));
  if (!ctx.flags.wait) {
    print(ctx, ctx.flags.json ? r : r.distribution, ['id', 'state', 'recordTime']);
    return EXIT.OK;
  }
  const d = await watch(ctx, fundId, r.distribution.id);
  print(ctx, ctx.flags.json ? d : { id: d.id, state: d.state, units: d.units, unitsPaid: d.unitsPaid, holders: d.holders, carryOut: d.carryOut });
  return d.state === 'completed' ? EXIT.OK : EXIT.FAILED;
}
