import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AdminSender,
  createEvmProvider,
  devSecp256k1Signer,
  ensureLocalSettlement,
  ensureSafeInfrastructure,
  feePolicyFromGwei,
  parseEvmFinality,
  signerAddress,
} from '@fiscus/chain-evm';
import {
  AvalancheDriver,
  avalancheDriverFromEnv,
  avalancheRoleKeysFromEnv,
  avalancheSafeApprovalsFromEnv,
  buildSubnetEvmGenesis,
  ensureAvalancheInfrastructure,
  platformL1Config,
  type SubnetEvmGenesis,
  type SubnetEvmGenesisConfig,
} from '@fiscus/chain-avalanche';
import { DEVNET_POOL_SWEEP_MS, startSubnetEvm, type SubnetEvmNode } from '@fiscus/devnet';
import type { Signer } from '@fiscus/core';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { avalancheSigners, pchainPayer, signerSource } from '../../signer-wiring.ts';
import { provisionLocalDevnetL1, startLocalPChain, type LocalPChain } from './pchain.ts';
import type { StablecoinFaucet } from '../../lib/types.ts';
import { localEvmFaucet } from '../evm-faucet.ts';

export interface AvalancheChain {
  driver: AvalancheDriver;
  /** The in-process Subnet-EVM stand-in (AVALANCHE_NETWORK=local without AVALANCHE_RPC_URL). */
  node?: SubnetEvmNode;
  genesis?: SubnetEvmGenesis;
  /** The P-Chain the local L1 was provisioned on (AVALANCHE_NETWORK=local); POST /v1/avalanche/l1s uses it too. */
  pchain?: LocalPChain;
  /** AVALANCHE_NETWORK=local: the L1 devnet FiscusUSDC's faucet (POST /v1/dev/faucet). */
  faucet?: StablecoinFaucet;
  close(): Promise<void>;
}

export interface AvalancheWiringOptions {
  /** anvil's state file behind the stand-in; omitted = in memory (tests). */
  localStateFile?: string;
  /** Where the L1 contracts are recorded; omitted = deployed afresh each start (tests). */
  infrastructureFile?: string;
}

export const LOCAL_L1_CHAIN_ID = 99_999n;
const STATE_INTERVAL_SECONDS = 5;

/**
 * PUBLIC, well-known devnet keys for the local L1 (sha256-free constants, NEVER for a real
 * network): admin = the only deployer, operator = engine signer, claim issuer, allow-list admin.
 */
export const LOCAL_L1_KEYS = {
  admin: `0x${'a1'.repeat(32)}`,
  operator: `0x${'a2'.repeat(32)}`,
  claim: `0x${'a3'.repeat(32)}`,
  allowListAdmin: `0x${'a4'.repeat(32)}`,
};

/**
 * P-Chain provisioning of the local L1 (owner: H3): the P-Chain stand-in (or AVALANCHE_PCHAIN_URL)
 * gets CreateSubnetTx → CreateChainTx with this genesis → ConvertSubnetToL1Tx, and the Subnet-EVM
 * stand-in then boots from the genesis the CreateChainTx carried. A restart finds the provisioning
 * done (its record is beside the data dir) and reuses it.
 */
export async function provisionLocalL1Hook(p: {
  config: Config;
  genesisConfig: SubnetEvmGenesisConfig;
  logger: Logger;
  stateDir?: string;
}): Promise<{ genesis: SubnetEvmGenesis; pchain: LocalPChain }> {
  const pchain = await startLocalPChain(p.config, p.stateDir);
  try {
    return { genesis: await provisionLocalDevnetL1({ ...p, pchain }), pchain };
  } catch (e) {
    await pchain.close();
    throw e;
  }
}

/**
 * AVALANCHE_NETWORK=local: the Subnet-EVM stand-in in this process (or, with AVALANCHE_RPC_URL,
 * one another process started), from the platform's genesis; the L1 contracts (gatekeeper, T-REX,
 * ONCHAINID, modules) are deployed once and recorded. AVALANCHE_NETWORK=rpc: an existing L1.
 */
export async function buildAvalanche(config: Config, logger: Logger, o: AvalancheWiringOptions = {}): Promise<AvalancheChain | undefined> {
  if (config.AVALANCHE_NETWORK === 'none') return undefined;
  if (config.AVALANCHE_NETWORK === 'rpc') {
    // Keys from the HSM or keystore files (signer-wiring.ts); the P-Chain payer too, when provisioning is configured.
    const source = signerSource(config);
    try {
      const driver = avalancheDriverFromEnv(avalancheEnv(config), await avalancheSigners(config, source));
      const payer = config.AVALANCHE_PCHAIN_URL ? await pchainPayer(config, source) : undefined;
      const pchain: LocalPChain | undefined = payer ? { url: config.AVALANCHE_PCHAIN_URL!, payer, close: async () => {} } : undefined;
      logger.info(
        { chain: driver.chain, url: new URL(config.AVALANCHE_RPC_URL!).origin, finality: driver.capabilities.finality },
        'avalanche L1 driver configured',
      );
      return {
        driver,
        pchain,
        close: async () => {
          driver.provider.destroy();
          await source.close();
        },
      };
    } catch (e) {
      await source.close();
      throw e;
    }
  }
  const chainId = BigInt(config.AVALANCHE_CHAIN_ID ?? LOCAL_L1_CHAIN_ID);
  const keys = Object.fromEntries(Object.entries(LOCAL_L1_KEYS).map(([k, v]) => [k, devSecp256k1Signer(v)])) as Record<keyof typeof LOCAL_L1_KEYS, Signer>;
  const genesisConfig = platformL1Config({
    chainId: Number(chainId),
    allowListAdmin: signerAddress(keys.allowListAdmin),
    admin: signerAddress(keys.admin),
    operator: signerAddress(keys.operator),
  });
  for (const f of [o.localStateFile, o.infrastructureFile]) if (f) mkdirSync(dirname(f), { recursive: true });
  let node: SubnetEvmNode | undefined;
  let genesis: SubnetEvmGenesis | undefined;
  let pchain: LocalPChain | undefined;
  if (!config.AVALANCHE_RPC_URL) {
    ({ genesis, pchain } = await provisionLocalL1Hook({ config, genesisConfig, logger, stateDir: o.localStateFile ? dirname(o.localStateFile) : undefined }));
    node = await startSubnetEvm({
      genesis,
      port: config.AVALANCHE_LOCAL_PORT,
      statePath: o.localStateFile,
      stateIntervalSeconds: o.localStateFile ? STATE_INTERVAL_SECONDS : undefined,
      sweepMs: DEVNET_POOL_SWEEP_MS,
    });
  }
  try {
    const url = config.AVALANCHE_RPC_URL ?? node!.url;
    // AVALANCHE_<ROLE>_KEY / _NEXT_KEY: each gate role's keys (unset: the operator holds the role).
    const roleKeys = avalancheRoleKeysFromEnv(avalancheEnv(config));
    const shared = await ensureAvalancheInfrastructure({
      url,
      chainId,
      admin: keys.admin,
      operator: keys.operator,
      claimSigner: keys.claim,
      allowListAdmin: keys.allowListAdmin,
      roleKeys,
      recordPath: o.infrastructureFile,
    });
    // The L1 devnet's own USDC (FiscusUSDC), deployed by the admin key (Enabled on the deployer list).
    const infrastructure = await ensureLocalSettlement({ url, chainId, admin: keys.admin, infrastructure: shared, recordPath: o.infrastructureFile });
    const driver = new AvalancheDriver({
      chainId,
      url,
      admin: keys.admin,
      operator: keys.operator,
      claimSigner: keys.claim,
      allowListAdmin: keys.allowListAdmin,
      roleKeys,
      infrastructure,
      topUp: { amount: BigInt(config.AVALANCHE_TOPUP_WEI), threshold: BigInt(config.AVALANCHE_TOPUP_THRESHOLD_WEI) },
      genesisAdmins: {
        txAllowList: [signerAddress(keys.allowListAdmin)],
        contractDeployerAllowList: [signerAddress(keys.allowListAdmin)],
        contractNativeMinter: [signerAddress(keys.allowListAdmin)],
      },
      finality: parseEvmFinality(config.AVALANCHE_FINALITY ?? '0', 'AVALANCHE_FINALITY'),
      fees: feePolicyFromGwei(config.AVALANCHE_MAX_FEE_GWEI),
      ...(await localSafeApprovals(config, { url, chainId, admin: keys.admin, recordPath: o.infrastructureFile && `${o.infrastructureFile}.safe.json` })),
    });
    logger.warn(
      { chain: driver.chain, url, inProcess: node !== undefined, stateFile: node ? (o.localStateFile ?? null) : null },
      `${driver.chain} is a LOCAL Subnet-EVM stand-in (anvil + precompile stand-ins + allow-list gate) signing with PUBLIC dev keys. ` +
        'Set AVALANCHE_NETWORK=none to disable, rpc for a real L1.',
    );
    const usdc = infrastructure.settlement;
    return {
      driver,
      node,
      genesis,
      pchain,
      faucet: usdc?.local ? localEvmFaucet(driver, usdc.decimals) : undefined,
      close: async () => {
        driver.provider.destroy();
        await node?.stop();
        await pchain?.close();
      },
    };
  } catch (e) {
    await node?.stop();
    await pchain?.close();
    throw e;
  }
}

/**
 * `local` with AVALANCHE_SAFE_OWNERS: the Safe contracts are deployed on the L1 by the admin key (the
 * L1's deployer; each fund's Safe is then a CREATE2 under the factory in the admin's transaction), or
 * given, then as on `rpc`.
 */
async function localSafeApprovals(c: Config, p: { url: string; chainId: bigint; admin: Signer; recordPath?: string }) {
  if (!c.AVALANCHE_SAFE_OWNERS) return {};
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    const safe =
      c.AVALANCHE_SAFE_SINGLETON && c.AVALANCHE_SAFE_PROXY_FACTORY
        ? { singleton: c.AVALANCHE_SAFE_SINGLETON, proxyFactory: c.AVALANCHE_SAFE_PROXY_FACTORY }
        : await ensureSafeInfrastructure(new AdminSender(provider, p.admin, p.chainId), p.recordPath);
    return avalancheSafeApprovalsFromEnv({ ...avalancheEnv(c), AVALANCHE_SAFE_SINGLETON: safe.singleton, AVALANCHE_SAFE_PROXY_FACTORY: safe.proxyFactory });
  } finally {
    provider.destroy();
  }
}

function avalancheEnv(c: Config): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    AVALANCHE_RPC_URL: c.AVALANCHE_RPC_URL,
    AVALANCHE_CHAIN_ID: c.AVALANCHE_CHAIN_ID,
    AVALANCHE_FINALITY: c.AVALANCHE_FINALITY,
    AVALANCHE_MAX_FEE_GWEI: c.AVALANCHE_MAX_FEE_GWEI,
    AVALANCHE_INFRASTRUCTURE: c.AVALANCHE_INFRASTRUCTURE,
    AVALANCHE_INFRASTRUCTURE_FILE: c.AVALANCHE_INFRASTRUCTURE_FILE,
    AVALANCHE_OPERATOR_KEY: c.AVALANCHE_OPERATOR_KEY,
    AVALANCHE_ADMIN_KEY: c.AVALANCHE_ADMIN_KEY,
    AVALANCHE_ALLOWLIST_ADMIN_KEY: c.AVALANCHE_ALLOWLIST_ADMIN_KEY,
    AVALANCHE_CLAIM_KEY: c.AVALANCHE_CLAIM_KEY,
    AVALANCHE_MINTER_KEY: c.AVALANCHE_MINTER_KEY,
    AVALANCHE_COMPLIANCE_KEY: c.AVALANCHE_COMPLIANCE_KEY,
    AVALANCHE_ORACLE_KEY: c.AVALANCHE_ORACLE_KEY,
    AVALANCHE_MINTER_NEXT_KEY: c.AVALANCHE_MINTER_NEXT_KEY,
    AVALANCHE_COMPLIANCE_NEXT_KEY: c.AVALANCHE_COMPLIANCE_NEXT_KEY,
    AVALANCHE_ORACLE_NEXT_KEY: c.AVALANCHE_ORACLE_NEXT_KEY,
    AVALANCHE_SAFE_OWNERS: c.AVALANCHE_SAFE_OWNERS,
    AVALANCHE_SAFE_THRESHOLD: c.AVALANCHE_SAFE_THRESHOLD,
    AVALANCHE_SAFE_SINGLETON: c.AVALANCHE_SAFE_SINGLETON,
    AVALANCHE_SAFE_PROXY_FACTORY: c.AVALANCHE_SAFE_PROXY_FACTORY,
    AVALANCHE_TOPUP_WEI: c.AVALANCHE_TOPUP_WEI,
    AVALANCHE_TOPUP_THRESHOLD_WEI: c.AVALANCHE_TOPUP_THRESHOLD_WEI,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}
