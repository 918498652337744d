import { loadStandIns } from './compile.ts';

/** Subnet-EVM precompile addresses (precompile/contracts/<name>/module.go). */
export const DEPLOYER_ALLOW_LIST = '0x0200000000000000000000000000000000000000';
export const NATIVE_MINTER = '0x0200000000000000000000000000000000000001';
export const TX_ALLOW_LIST = '0x0200000000000000000000000000000000000002';

export const ROLE = { None: 0n, Enabled: 1n, Admin: 2n, Manager: 3n } as const;

/** The genesis fields the stand-in reads (a subset of @fiscus/chain-avalanche's SubnetEvmGenesis). */
export interface AllowListGenesis {
  blockTimestamp?: number | null;
  adminAddresses?: string[];
  managerAddresses?: string[];
  enabledAddresses?: string[];
}
export interface SubnetEvmGenesisLike {
  config: {
    chainId: number;
    feeConfig?: { gasLimit?: number };
    txAllowListConfig?: AllowListGenesis;
    contractDeployerAllowListConfig?: AllowListGenesis;
    contractNativeMinterConfig?: AllowListGenesis & { initialMint?: Record<string, string> };
  };
  alloc: Record<string, { balance: string; code?: string; nonce?: string; storage?: Record<string, string> }>;
  gasLimit: string;
  timestamp?: string;
}

/** Coin the minter stand-in pays mints from (EVM code cannot create coin): 2^200 wei. */
export const MINTER_RESERVE = 2n ** 200n;

const slot = (a: string) => `0x${a.toLowerCase().replace(/^0x/, '').padStart(64, '0')}`;
const word = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`;

/**
 * Storage exactly as allowlist.AllowListConfig.Configure writes it: enabled first, then admins,
 * then managers (a later write wins, as in subnet-evm).
 */
export function allowListStorage(cfg: AllowListGenesis): Record<string, string> {
  const storage: Record<string, string> = {};
  for (const a of cfg.enabledAddresses ?? []) storage[slot(a)] = word(ROLE.Enabled);
  for (const a of cfg.adminAddresses ?? []) storage[slot(a)] = word(ROLE.Admin);
  for (const a of cfg.managerAddresses ?? []) storage[slot(a)] = word(ROLE.Manager);
  return storage;
}

/**
 * The genesis anvil boots from: the Subnet-EVM genesis as provisioned, plus the stand-in code and
 * role storage at each configured precompile address (what Subnet-EVM's Configure does when the
 * precompile activates) and the minter's reserve. Precompiles are active from genesis only.
 */
/** The precompile addresses a genesis configures. */
export function configuredPrecompiles(g: SubnetEvmGenesisLike): string[] {
  const c = g.config;
  return [
    [DEPLOYER_ALLOW_LIST, c.contractDeployerAllowListConfig],
    [NATIVE_MINTER, c.contractNativeMinterConfig],
    [TX_ALLOW_LIST, c.txAllowListConfig],
  ]
    .filter(([, cfg]) => !!cfg)
    .map(([a]) => a as string);
}

export function anvilGenesis(g: SubnetEvmGenesisLike): SubnetEvmGenesisLike {
  const art = loadStandIns().contracts;
  const alloc = { ...g.alloc };
  const lists = [
    [DEPLOYER_ALLOW_LIST, g.config.contractDeployerAllowListConfig, art.AllowListStandIn],
    [TX_ALLOW_LIST, g.config.txAllowListConfig, art.AllowListStandIn],
    [NATIVE_MINTER, g.config.contractNativeMinterConfig, art.NativeMinterStandIn],
  ] as const;
  const genesisTime = Number(BigInt(g.timestamp ?? '0x0'));
  for (const [address, cfg, artifact] of lists) {
    if (!cfg) continue;
    if ((cfg.blockTimestamp ?? 0) > genesisTime) {
      throw new Error(`stand-in supports precompiles active at genesis only (${address} activates at ${cfg.blockTimestamp})`);
    }
    const reserve = address === NATIVE_MINTER ? MINTER_RESERVE : 0n;
    // Nonce 1 as ApplyPrecompileActivations sets it (core/state_processor_ext.go); the gate answers
    // eth_getCode with the real account's 0x01 (the stand-in code itself must stay here to run).
    alloc[address.slice(2)] = { balance: `0x${reserve.toString(16)}`, code: artifact.deployedBytecode, nonce: '0x1', storage: allowListStorage(cfg) };
  }
  // initialMint: credited to the recipients at genesis, as the precompile does on activation.
  for (const [to, amount] of Object.entries(g.config.contractNativeMinterConfig?.initialMint ?? {})) {
    const key = to.toLowerCase().replace(/^0x/, '');
    const prev = BigInt(alloc[key]?.balance ?? '0x0');
    alloc[key] = { ...alloc[key], balance: `0x${(prev + BigInt(amount)).toString(16)}` };
  }
  return { ...g, alloc };
}
