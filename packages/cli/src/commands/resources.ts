import { EXIT } from '../exit-codes.ts';
import { idem, print, required, unwrap, type Ctx } from '../context.ts';
import { maybeWait } from './operations.ts';

// One function per resource: `fiscus <resource> <action> [ids…] [--flags]`. -1 = unknown action.

const v = (ctx: Ctx, name: string) => ctx.flags.values[name];
const limit = (ctx: Ctx) => Number(v(ctx, 'limit') ?? 50);
const page = (ctx: Ctx, p: { items: unknown[]; nextCursor?: string | null }, columns: string[]) => print(ctx, ctx.flags.json ? p : p.items, columns);

export async function funds(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const c = ctx.client;
  if (action === 'list')
    page(ctx, unwrap(await c.GET('/v1/funds', { params: { query: { limit: limit(ctx) } } })), ['id', 'name', 'symbol', 'decimals', 'createdAt']);
  else if (action === 'get') print(ctx, unwrap(await c.GET('/v1/funds/{fundId}', { params: { path: { fundId: args[0]! } } })));
  else if (action === 'create') {
    const body = {
      name: required(ctx, 'name'),
      symbol: required(ctx, 'symbol'),
      ...(v(ctx, 'decimals') ? { decimals: Number(v(ctx, 'decimals')) } : {}),
      ...(v(ctx, 'nav') ? { nav: v(ctx, 'nav') } : {}),
    };
    print(ctx, unwrap(await c.POST('/v1/funds', { params: { header: idem(ctx) }, body: body as never })));
  } else return -1;
  return EXIT.OK;
}

export async function deployments(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  if (action === 'list') {
    print(ctx, unwrap(await ctx.client.GET('/v1/funds/{fundId}/deployments', { params: { path: { fundId } } })), undefined);
    return EXIT.OK;
  }
  if (action !== 'create') return -1;
  const r = unwrap(
    await ctx.client.POST('/v1/funds/{fundId}/deployments', {
      params: { path: { fundId }, header: idem(ctx) },
      body: { chain: required(ctx, 'chain') } as never,
    }),
  );
  print(ctx, r);
  return maybeWait(ctx, [(r as { operation: { id: string } }).operation.id]);
}

export async function investors(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const c = ctx.client;
  if (action === 'list') {
    const query = {
      limit: limit(ctx),
      cursor: v(ctx, 'cursor'),
      kycStatus: v(ctx, 'kyc-status'),
      jurisdiction: v(ctx, 'jurisdiction'),
      investorType: v(ctx, 'type'),
      q: v(ctx, 'q'),
      kycExpiresBefore: v(ctx, 'kyc-expires-before'),
    };
    page(ctx, unwrap(await c.GET('/v1/investors', { params: { query: query as never } })), [
      'id',
      'legalName',
      'jurisdiction',
      'investorType',
      'kycStatus',
      'kycExpiresAt',
    ]);
  } else if (action === 'get') print(ctx, unwrap(await c.GET('/v1/investors/{investorId}', { params: { path: { investorId: args[0]! } } })));
  else if (action === 'create') {
    const body = {
      legalName: required(ctx, 'name'),
      jurisdiction: required(ctx, 'jurisdiction'),
      investorType: required(ctx, 'type'),
      kycStatus: v(ctx, 'kyc-status'),
      kycExpiresAt: v(ctx, 'kyc-expires-at'),
    };
    print(ctx, unwrap(await c.POST('/v1/investors', { params: { header: idem(ctx) }, body: body as never })));
  } else return -1;
  return EXIT.OK;
}

export async function wallets(ctx: Ctx, action: string, args: string[]): Promise<number> {
  if (action === 'list') {
    print(ctx, unwrap(await ctx.client.GET('/v1/investors/{investorId}/wallets', { params: { path: { investorId: args[0]! } } })));
    return EXIT.OK;
  }
  if (action !== 'register') return -1;
  const body = { investorId: required(ctx, 'investor'), chain: required(ctx, 'chain'), address: required(ctx, 'address') };
  const r = unwrap(await ctx.client.POST('/v1/funds/{fundId}/wallets', { params: { path: { fundId: args[0]! }, header: idem(ctx) }, body: body as never })) as {
    operation?: { id: string };
  };
  print(ctx, r);
  return maybeWait(ctx, r.operation ? [r.operation.id] : []);
}

export async function subscriptions(ctx: Ctx, action: string, args: string[]): Promise<number> {
  if (action !== 'create') return -1;
  const amount = v(ctx, 'usd') !== undefined ? { usd: v(ctx, 'usd') } : { units: required(ctx, 'units') };
  const body = { investorId: required(ctx, 'investor'), chain: required(ctx, 'chain'), address: required(ctx, 'address'), ...amount };
  const r = unwrap(
    await ctx.client.POST('/v1/funds/{fundId}/subscriptions', { params: { path: { fundId: args[0]! }, header: idem(ctx) }, body: body as never }),
  ) as { operation: { id: string } };
  print(ctx, r);
  return maybeWait(ctx, [r.operation.id]);
}

export async function redemptions(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  if (action === 'list') {
    page(ctx, unwrap(await ctx.client.GET('/v1/funds/{fundId}/redemptions', { params: { path: { fundId }, query: { limit: limit(ctx) } } })), [
      'id',
      'investorId',
      'chain',
      'units',
      'state',
      'usd',
      'createdAt',
    ]);
    return EXIT.OK;
  }
  if (action !== 'create') return -1;
  const body = { investorId: required(ctx, 'investor'), chain: required(ctx, 'chain'), address: required(ctx, 'address'), units: required(ctx, 'units') };
  const r = unwrap(await ctx.client.POST('/v1/funds/{fundId}/redemptions', { params: { path: { fundId }, header: idem(ctx) }, body: body as never })) as {
    operation: { id: string };
  };
  print(ctx, r);
  return maybeWait(ctx, [r.operation.id]);
}

export async function moves(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  const c = ctx.client;
  if (action === 'list') {
    page(ctx, unwrap(await c.GET('/v1/funds/{fundId}/moves', { params: { path: { fundId } } })) as never, ['id', 'state', 'units', 'createdAt']);
    return EXIT.OK;
  }
  if (action === 'get') {
    print(ctx, unwrap(await c.GET('/v1/funds/{fundId}/moves/{moveId}', { params: { path: { fundId, moveId: args[1]! } } })));
    return EXIT.OK;
  }
  if (action !== 'create') return -1;
  const body = {
    from: { chain: required(ctx, 'from-chain'), wallet: required(ctx, 'from-address') },
    to: { chain: required(ctx, 'to-chain'), wallet: required(ctx, 'to-address') },
    units: required(ctx, 'units'),
  };
  const r = unwrap(await c.POST('/v1/funds/{fundId}/moves', { params: { path: { fundId }, header: idem(ctx) }, body: body as never })) as {
    move: { id: string; state: string };
  };
  if (!ctx.flags.wait) {
    print(ctx, r);
    return EXIT.OK;
  }
  // A move's legs: burn on the source, mint on the destination (progress per leg).
  const legs = ['requested', 'queued', 'burning', 'burned', 'minting', 'completed'];
  for (const started = Date.now(); ; ) {
    const { move: m } = unwrap(await c.GET('/v1/funds/{fundId}/moves/{moveId}', { params: { path: { fundId, moveId: r.move.id } } }));
    ctx.progress.update(`move ${r.move.id}`, Math.max(0, legs.indexOf(m.state)), legs.length - 1, m.state);
    // Anything that is not an active state is where the move ends (completed, compensated, stranded…).
    if (!['requested', 'queued', 'burning', 'burned', 'minting', 'compensating'].includes(m.state) || Date.now() - started > ctx.flags.timeoutMs) {
      ctx.progress.done();
      print(ctx, m);
      return m.state === 'completed' ? EXIT.OK : EXIT.FAILED;
    }
    await new Promise((res) => setTimeout(res, ctx.flags.intervalMs));
  }
}

export async function nav(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  if (action === 'get') {
    const r = unwrap(await ctx.client.GET('/v1/funds/{fundId}/nav', { params: { path: { fundId } } }));
    print(ctx, ctx.flags.json ? r : { ...r.current, guards: r.guards });
    return EXIT.OK;
  }
  if (action !== 'publish') return -1;
  const r = unwrap(
    await ctx.client.POST('/v1/funds/{fundId}/nav', {
      params: { path: { fundId }, header: idem(ctx) },
      body: { nav: required(ctx, 'nav'), ...(v(ctx, 'reason') ? { reason: v(ctx, 'reason') } : {}) } as never,
    }),
  );
  print(ctx, ctx.flags.json ? r : r.publication);
  return maybeWait(
    ctx,
    r.operations.map((o) => o.id),
  );
}

export async function reconciliations(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  if (action === 'list') {
    page(
      ctx,
      unwrap(await ctx.client.GET('/v1/funds/{fundId}/reconciliations', { params: { path: { fundId }, query: { limit: limit(ctx) } as never } })) as never,
      ['id', 'chain', 'status', 'ledgerSupply', 'chainSupply', 'drift', 'createdAt'],
    );
    return EXIT.OK;
  }
  if (action !== 'run') return -1;
  const r = unwrap(
    await ctx.client.POST('/v1/funds/{fundId}/reconciliations', {
      params: { path: { fundId }, header: idem(ctx) },
      body: (v(ctx, 'chain') ? { chain: v(ctx, 'chain') } : {}) as never,
    }),
  ) as { items: { status: string }[] };
  print(ctx, ctx.flags.json ? r : r.items, ['id', 'chain', 'status', 'ledgerSupply', 'chainSupply', 'drift']);
  // A drift is a finding, not a failure of the command; scripts read it from the output (or exit 7 with --strict).
  return v(ctx, 'strict') !== undefined && r.items.some((i) => i.status !== 'clean') ? EXIT.FAILED : EXIT.OK;
}

export async function attestations(ctx: Ctx, action: string, args: string[]): Promise<number> {
  const fundId = args[0]!;
  const c = ctx.client;
  if (action === 'list')
    page(ctx, unwrap(await c.GET('/v1/funds/{fundId}/attestations', { params: { path: { fundId }, query: { limit: limit(ctx) } } })), [
      'id',
      'ok',
      'hash',
      'keyId',
      'createdAt',
    ]);
  else if (action === 'latest') print(ctx, unwrap(await c.GET('/v1/funds/{fundId}/attestations/latest', { params: { path: { fundId } } })));
  else if (action === 'create') {
    const r = unwrap(await c.POST('/v1/funds/{fundId}/attestations', { params: { path: { fundId }, header: idem(ctx) } }));
    print(
      ctx,
      ctx.flags.json
        ? r
        : { id: r.attestation.id, ok: r.attestation.ok, hash: r.attestation.hash, keyId: r.attestation.keyId, operations: r.operations.length },
    );
    return maybeWait(
      ctx,
      r.operations.map((o) => o.id),
    );
  } else return -1;
  return EXIT.OK;
}

export async function chains(ctx: Ctx, action: string): Promise<number> {
  if (action !== 'list') return -1;
  const r = unwrap(await ctx.client.GET('/v1/chains'));
  print(
    ctx,
    ctx.flags.json
      ? r
      : r.items.map((c) => ({
          chain: c.chain,
          finality: c.finality,
          endpoint: c.endpoint?.url ?? null,
          health: c.health.status,
          height: c.health.height,
          pausedFunds: c.pausedFunds.join(',') || null,
        })),
  );
  return EXIT.OK;
}
