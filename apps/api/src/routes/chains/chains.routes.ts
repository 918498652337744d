import { createRoute, z } from '@hono/zod-openapi';
import { json, problems, readOnly } from '../../lib/route-kit.ts';

export const ChainSchema = z
  .object({
    chain: z.string().openapi({ description: 'CAIP-2 chain id', example: 'eip155:31337' }),
    namespace: z.string().openapi({ description: 'The CAIP-2 namespace: the chain family', example: 'eip155' }),
    finality: z.string().openapi({ description: '`instant`, `confirmations:<depth>` or `tag:finalized`', example: 'confirmations:12' }),
    explorerTxUrl: z
      .string()
      .nullable()
      .openapi({ description: 'Transaction link template with `{txHash}`; null for local chains', example: 'https://etherscan.io/tx/{txHash}' }),
    capabilities: z
      .object({
        authorize: z.boolean(),
        freeze: z.boolean(),
        partialFreeze: z.boolean(),
        forceTransfer: z.boolean(),
        clawback: z.boolean(),
        pause: z.boolean(),
        recovery: z.boolean(),
        onchainCompliance: z.boolean(),
        navFeed: z.boolean(),
        replaceByFee: z.boolean(),
        maxBatch: z.int(),
      })
      .openapi({ description: 'What the chain enforces natively; operations it cannot do are refused (422 CAPABILITY_UNSUPPORTED)' }),
    endpoint: z
      .object({
        kind: z
          .enum(['memchain', 'horizon', 'evm-rpc'])
          .openapi({ description: 'The protocol at `url`: the memchain devnet, Stellar Horizon, or EVM JSON-RPC' }),
        url: z.string().openapi({
          description:
            'Where to reach the chain (local chains: their loopback URL of this run; a private RPC: its origin only, since its path may carry a provider key)',
        }),
        pchainUrl: z.string().nullable().openapi({ description: 'Avalanche: the P-Chain JSON-RPC the L1 was provisioned on; null otherwise' }),
        local: z.boolean().openapi({ description: 'A local devnet or stand-in started for development, not a real network' }),
      })
      .nullable()
      .openapi({ description: 'null when the server was not told (e.g. a test harness)' }),
    health: z
      .object({
        status: z.enum(['up', 'down', 'unknown']),
        height: z.string().nullable().openapi({ description: 'Latest block / ledger the endpoint reports' }),
        error: z.string().nullable(),
      })
      .openapi({ description: 'A live read made for this request (bounded by the chain read timeout, default 3 s); `unknown` without an endpoint' }),
    pausedFunds: z
      .array(z.string())
      .openapi({ description: 'Funds whose cross-chain moves are paused on this chain (POST /v1/funds/{fundId}/chains/{chain}/pause)' }),
  })
  .openapi('Chain');

export const list = createRoute({
  method: 'get',
  path: '/v1/chains',
  tags: ['Chains'],
  summary: 'Every configured chain: family, endpoint, finality, explorer links, capabilities, health and pause state',
  ...readOnly('chains.read'),
  responses: { 200: json(z.object({ items: z.array(ChainSchema) }), 'Configured chains, sorted by id'), ...problems() },
});

export type ListChainsRoute = typeof list;
