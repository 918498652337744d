import { z } from '@hono/zod-openapi';
import { formatUnits } from '@fiscus/core';
import type { FundWalletRow, InvestorWallet, WalletRow } from '@fiscus/ledger';
import { Address, addressByChain, ChainIdString, Id, iso, Timestamp } from '../../lib/schemas.ts';
import { OperationSchema } from '../operations/operations.schemas.ts';

export const WalletSchema = z
  .object({ id: z.string().openapi({ example: 'wal_0193…' }), investorId: z.string(), chain: z.string(), address: z.string(), createdAt: Timestamp })
  .openapi('Wallet');

export const FundStandingSchema = z
  .object({
    fundId: z.string(),
    status: z.string().openapi({ description: 'pending | authorized | frozen | deauthorized | rejected' }),
    units: z.string(),
    frozenUnits: z.string(),
    lastSubscribedAt: Timestamp.nullable(),
  })
  .openapi('FundStanding');

export const InvestorWalletSchema = WalletSchema.extend({ funds: z.array(FundStandingSchema) }).openapi('InvestorWallet');

export const RegisterWalletSchema = z
  .strictObject({ investorId: Id('inv_0193…'), chain: ChainIdString, address: Address })
  .openapi('RegisterWallet', addressByChain('address'));

export const RegisteredWalletSchema = z.object({ wallet: WalletSchema, standing: FundStandingSchema, operation: OperationSchema }).openapi('RegisteredWallet');

export const presentWallet = (w: WalletRow): z.infer<typeof WalletSchema> => ({
  id: w.id,
  investorId: w.investorId,
  chain: w.chain,
  address: w.address,
  createdAt: iso(w.createdAt)!,
});

export const presentStanding = (f: FundWalletRow, decimals: number): z.infer<typeof FundStandingSchema> => ({
  fundId: f.fundId,
  status: f.status,
  units: formatUnits(f.units, decimals),
  frozenUnits: formatUnits(f.frozenUnits, decimals),
  lastSubscribedAt: iso(f.lastSubscribedAt),
});

export const presentInvestorWallet = (w: InvestorWallet): z.infer<typeof InvestorWalletSchema> => ({
  ...presentWallet(w.wallet),
  funds: w.funds.map((f) => presentStanding(f, f.decimals)),
});
