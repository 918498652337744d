// Subnet-EVM genesis built from the fund's L1 configuration.
// Field names, nesting and value encodings follow subnet-evm (core/gen_genesis.go, params/extras/config.go,
// commontype/fee_config.go, precompile/allowlist/config.go, precompile/contracts/*/module.go ConfigKey):
// numbers inside `config` are JSON numbers, top-level block fields are 0x-hex, alloc keys are unprefixed hex.
import { getAddress, isAddress } from 'ethers';
import { FiscusError } from '@fiscus/core';

/** Precompile addresses (subnet-evm precompile/contracts/<name>/module.go). */
export const PRECOMPILES = {
  contractDeployerAllowList: '0x0200000000000000000000000000000000000000',
  contractNativeMinter: '0x0200000000000000000000000000000000000001',
  txAllowList: '0x0200000000000000000000000000000000000002',
} as const;

export interface AllowListRoles {
  admins: string[];
  managers?: string[];
  enabled?: string[];
}

export interface FeeConfig {
  gasLimit: number;
  targetBlockRate: number;
  minBaseFee: number;
  targetGas: number;
  baseFeeChangeDenominator: number;
  minBlockGasCost: number;
  maxBlockGasCost: number;
  blockGasCostStep: number;
}

export interface SubnetEvmGenesisConfig {
  chainId: number;
  txAllowList: AllowListRoles;
  contractDeployerAllowList: AllowListRoles;
  contractNativeMinter: AllowListRoles & { initialMint?: Record<string, bigint> };
  /** Native-coin balances at genesis (platform signers need gas before the minter can top them up). */
  alloc?: Record<string, bigint>;
  feeConfig?: Partial<FeeConfig>;
  /** Unix seconds; default 0 so the genesis (and so the chain's genesis hash) is deterministic. */
  timestamp?: number;
  allowFeeRecipients?: boolean;
}

/** Subnet-EVM's documented default fee config (commontype.DefaultFeeConfig, C-Chain-like, 8M gas). */
export const DEFAULT_FEE_CONFIG: FeeConfig = {
  gasLimit: 8_000_000,
  targetBlockRate: 2,
  minBaseFee: 25_000_000_000,
  targetGas: 15_000_000,
  baseFeeChangeDenominator: 36,
  minBlockGasCost: 0,
  maxBlockGasCost: 1_000_000,
  blockGasCostStep: 200_000,
};

export interface AllowListJson {
  blockTimestamp: number;
  adminAddresses?: string[];
  managerAddresses?: string[];
  enabledAddresses?: string[];
}

export interface SubnetEvmGenesis {
  config: Record<string, unknown> & {
    chainId: number;
    feeConfig: FeeConfig;
    txAllowListConfig: AllowListJson;
    contractDeployerAllowListConfig: AllowListJson;
    contractNativeMinterConfig: AllowListJson & { initialMint?: Record<string, string> };
  };
  alloc: Record<string, { balance: string; code?: string; storage?: Record<string, string> }>;
  nonce: string;
  timestamp: string;
  extraData: string;
  gasLimit: string;
  difficulty: string;
  mixHash: string;
  coinbase: string;
  number: string;
  gasUsed: string;
  parentHash: string;
}

const hex = (n: bigint | number) => '0x' + BigInt(n).toString(16);
const ZERO32 = '0x' + '00'.repeat(32);

function addr(a: string, where: string): string {
  if (!isAddress(a)) throw new FiscusError('VALIDATION_FAILED', `${where}: not an EVM address: ${a}`);
  // common.Address marshals as lowercase 0x-hex.
  return getAddress(a).toLowerCase();
}

/** Mirrors allowlist.AllowListConfig.Verify, plus our own rule: every list keeps at least one admin. */
function allowList(name: string, roles: AllowListRoles): AllowListJson {
  const admins = roles.admins.map((a) => addr(a, `${name}.admins`));
  const managers = (roles.managers ?? []).map((a) => addr(a, `${name}.managers`));
  const enabled = (roles.enabled ?? []).map((a) => addr(a, `${name}.enabled`));
  if (admins.length === 0) {
    throw new FiscusError('VALIDATION_FAILED', `${name}: at least one admin is required (a list without admin cannot be changed until a network upgrade)`);
  }
  const seen = new Map<string, string>();
  for (const [role, list] of [
    ['enabled', enabled],
    ['admin', admins],
    ['manager', managers],
  ] as const) {
    for (const a of list) {
      const prev = seen.get(a);
      if (prev !== undefined) {
        throw new FiscusError(
          'VALIDATION_FAILED',
          prev === role ? `${name}: duplicate address in ${role} list: ${a}` : `${name}: cannot set address as both ${prev} and ${role}: ${a}`,
        );
      }
      seen.set(a, role);
    }
  }
  const out: AllowListJson = { blockTimestamp: 0, adminAddresses: admins };
  if (managers.length) out.managerAddresses = managers;
  if (enabled.length) out.enabledAddresses = enabled;
  return out;
}

export function buildSubnetEvmGenesis(cfg: SubnetEvmGenesisConfig): SubnetEvmGenesis {
  if (!Number.isSafeInteger(cfg.chainId) || cfg.chainId <= 0) throw new FiscusError('VALIDATION_FAILED', `invalid chain id ${cfg.chainId}`);
  const feeConfig: FeeConfig = { ...DEFAULT_FEE_CONFIG, ...cfg.feeConfig };
  const minter: SubnetEvmGenesis['config']['contractNativeMinterConfig'] = allowList('contractNativeMinter', cfg.contractNativeMinter);
  if (cfg.contractNativeMinter.initialMint) {
    minter.initialMint = Object.fromEntries(Object.entries(cfg.contractNativeMinter.initialMint).map(([a, v]) => [addr(a, 'initialMint'), hex(v)]));
  }
  const alloc: SubnetEvmGenesis['alloc'] = {};
  for (const [a, balance] of Object.entries(cfg.alloc ?? {})) {
    if (balance < 0n) throw new FiscusError('VALIDATION_FAILED', `negative genesis balance for ${a}`);
    alloc[addr(a, 'alloc').slice(2)] = { balance: hex(balance) };
  }
  return {
    config: {
      chainId: cfg.chainId,
      // Ethereum forks all active from block 0, as avalanche-cli writes them.
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      muirGlacierBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      feeConfig,
      ...(cfg.allowFeeRecipients ? { allowFeeRecipients: true } : {}),
      txAllowListConfig: allowList('txAllowList', cfg.txAllowList),
      contractDeployerAllowListConfig: allowList('contractDeployerAllowList', cfg.contractDeployerAllowList),
      contractNativeMinterConfig: minter,
    },
    alloc,
    nonce: '0x0',
    timestamp: hex(cfg.timestamp ?? 0),
    extraData: '0x',
    gasLimit: hex(feeConfig.gasLimit),
    difficulty: '0x0',
    mixHash: ZERO32,
    coinbase: '0x' + '00'.repeat(20),
    number: '0x0',
    gasUsed: '0x0',
    parentHash: ZERO32,
  };
}

/** The bytes CreateChainTx carries as `genesisData` (UTF-8 JSON). */
export function genesisBytes(g: SubnetEvmGenesis): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(g));
}

export function parseSubnetEvmGenesis(data: Uint8Array | string): SubnetEvmGenesis {
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  const g = JSON.parse(text) as SubnetEvmGenesis;
  if (typeof g?.config?.chainId !== 'number') throw new FiscusError('VALIDATION_FAILED', 'not a Subnet-EVM genesis (config.chainId missing)');
  return g;
}
