import { z } from '@hono/zod-openapi';
import type { L1ProvisionConfig, ProvisionRecord } from '@fiscus/chain-avalanche';
import type { L1ProvisionRow } from '@fiscus/ledger';
import { iso, Timestamp } from '../../lib/schemas.ts';

const EVM_ADDRESS_PATTERN = '^0x[0-9a-fA-F]{40}$';
const EvmAddress = z.string().regex(new RegExp(EVM_ADDRESS_PATTERN), 'a 0x EVM address').openapi({ example: '0x8db97C7cEcE249c2b98bDC0226Cc4C2A57BF52FC' });
/** zod-openapi does not emit a record's key schema; JSON Schema says it with propertyNames. */
const ALLOC_META = { description: 'Genesis balances in wei (decimal strings), keyed by EVM address', propertyNames: { pattern: EVM_ADDRESS_PATTERN } } as {
  description: string;
};
const Decimal = z.string().regex(/^\d{1,30}$/, 'a whole number as a decimal string');

const Roles = z.strictObject({
  admins: z.array(EvmAddress).min(1).max(32).openapi({ description: 'At least one: a list without admin cannot be changed until a network upgrade' }),
  managers: z.array(EvmAddress).max(32).optional(),
  enabled: z.array(EvmAddress).max(256).optional(),
});

export const ProvisionL1Body = z
  .strictObject({
    chainName: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9 ]+$/, 'letters, digits and spaces (P-Chain rule)'),
    chainId: z
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .openapi({ example: 777001, description: 'EVM chain id of the new L1' }),
    txAllowList: Roles,
    contractDeployerAllowList: Roles,
    contractNativeMinter: Roles,
    feeConfig: z
      .strictObject({
        gasLimit: z.int().min(1),
        targetBlockRate: z.int().min(1),
        minBaseFee: z.int().min(0),
        targetGas: z.int().min(1),
        baseFeeChangeDenominator: z.int().min(1),
        minBlockGasCost: z.int().min(0),
        maxBlockGasCost: z.int().min(0),
        blockGasCostStep: z.int().min(0),
      })
      .partial()
      .optional(),
    alloc: z.record(EvmAddress, Decimal).optional().openapi(ALLOC_META),
    validatorManagerAddress: EvmAddress.openapi({
      pattern: '^0x(?!0{40}$)[0-9a-fA-F]{40}$',
      description: 'Not the zero address; mixed case must be a valid EIP-55 checksum',
    }),
    validators: z
      .array(
        z.strictObject({
          // cb58 of 20 bytes + a 4-byte checksum is 32–33 base58 characters; the checksum is the server's to verify.
          nodeId: z
            .string()
            .regex(/^NodeID-[1-9A-HJ-NP-Za-km-z]+$/)
            .openapi({ example: 'NodeID-7Xhw2mDxuDS44j42TCB6U5579esbSt3Lg', pattern: '^NodeID-[1-9A-HJ-NP-Za-km-z]{32,33}$' }),
          blsPublicKey: z.string().regex(/^(0x)?[0-9a-fA-F]{96}$/),
          proofOfPossession: z.string().regex(/^(0x)?[0-9a-fA-F]{192}$/),
          weight: Decimal.openapi({ pattern: '^(?!0+$)\\d{1,30}$', description: 'Positive' }),
          balance: Decimal.openapi({ description: 'nAVAX pre-paid for the validator fee' }),
        }),
      )
      .min(1)
      .max(16),
  })
  .openapi('ProvisionL1');

export type ProvisionL1Input = z.infer<typeof ProvisionL1Body>;

export function toProvisionConfig(b: ProvisionL1Input): L1ProvisionConfig {
  return {
    chainName: b.chainName,
    genesis: {
      chainId: b.chainId,
      txAllowList: b.txAllowList,
      contractDeployerAllowList: b.contractDeployerAllowList,
      contractNativeMinter: b.contractNativeMinter,
      feeConfig: b.feeConfig,
      alloc: b.alloc ? Object.fromEntries(Object.entries(b.alloc).map(([a, v]) => [a, BigInt(v)])) : undefined,
    },
    validatorManagerAddress: b.validatorManagerAddress,
    validators: b.validators.map((v) => ({ ...v, weight: BigInt(v.weight), balance: BigInt(v.balance) })),
  };
}

const TxRef = z.object({ txId: z.string(), rebuilds: z.int() });

export const L1ProvisionSchema = z
  .object({
    id: z.string().openapi({ example: 'l1_0193…' }),
    chainId: z.int(),
    step: z.string().openapi({ description: 'createSubnet | createChain | convert | done | failed' }),
    subnetId: z.string().nullable().openapi({ description: 'Id of the CreateSubnetTx' }),
    blockchainId: z.string().nullable().openapi({ description: 'Id of the CreateChainTx' }),
    conversionId: z.string().nullable().openapi({ description: 'sha256 of the SubnetToL1ConversionData the P-Chain recorded' }),
    validationIds: z.array(z.string()),
    transactions: z.object({ createSubnet: TxRef.optional(), createChain: TxRef.optional(), convert: TxRef.optional() }),
    error: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('L1Provision');

export function presentL1Provision(row: L1ProvisionRow): z.infer<typeof L1ProvisionSchema> {
  const rec = row.record as ProvisionRecord | null;
  const ref = (t?: { txId: string; rebuilds: number }) => (t ? { txId: t.txId, rebuilds: t.rebuilds } : undefined);
  return {
    id: row.id,
    chainId: row.evmChainId,
    step: row.step,
    subnetId: row.subnetId,
    blockchainId: row.blockchainId,
    conversionId: row.conversionId,
    validationIds: rec?.validationIds ?? [],
    transactions: { createSubnet: ref(rec?.txs.createSubnet), createChain: ref(rec?.txs.createChain), convert: ref(rec?.txs.convert) },
    error: row.error,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}
