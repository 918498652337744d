import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AdminSender,
  createEvmProvider,
  ensureSafeInfrastructure,
  safeApprovalsFromEnv,
  EvmDriver,
  devSecp256k1Signer,
  ensureInfrastructure,
  ensureLocalSettlement,
  signerAddress,
  evmDriverFromEnv,
  feePolicyFromGwei,
  parseEvmFinality,
} from '@fiscus/chain-evm';
import { ANVIL_DEV_ACCOUNTS, ANVIL_DEV_CHAIN_ID, DEVNET_POOL_SWEEP_MS, startAnvil, type AnvilNode } from '@fiscus/devnet';
import { KEY_ROLES, type KeyRole, type Signer } from '@fiscus/core';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { evmSigners, signerSource } from '../../signer-wiring.ts';
import type { StablecoinFaucet } from '../../lib/types.ts';
import { localEvmFaucet } from '../evm-faucet.ts';

export interface EvmChain {
  driver: EvmDriver;
  /** The in-process anvil (ETHEREUM_NETWORK=local without ETHEREUM_RPC_URL). */
  anvil?: AnvilNode;
  /** ETHEREUM_NETWORK=local: the devnet FiscusUSDC's faucet (POST /v1/dev/faucet). */
  faucet?: StablecoinFaucet;
  close(): Promise<void>;
}

export interface EvmWiringOptions {
  /** anvil's state file (loaded at start, dumped every few seconds and on stop); omitted = in memory (tests). */
  localStateFile?: string;
  /** Where ensureInfrastructure records the shared contracts; omitted = deployed afresh each start (tests). */
  infrastructureFile?: string;
}

/** A killed process loses at most this many seconds of the local chain (the ledger would then show drift). */
const STATE_INTERVAL_SECONDS = 5;

/**
 * ETHEREUM_NETWORK=local starts anvil in this process (or, with ETHEREUM_RPC_URL, uses one that
 * another process started: worker-main) and signs with anvil's PUBLIC dev accounts 0-2
 * (admin, operator, claim issuer); the shared T-REX / ONCHAINID / module contracts are deployed
 * once and recorded. ETHEREUM_NETWORK=rpc takes the node, keys and that record from the env.
 */
export async function buildEvm(config: Config, logger: Logger, o: EvmWiringOptions = {}): Promise<EvmChain | undefined> {
  if (config.ETHEREUM_NETWORK === 'none') return undefined;
  if (config.ETHEREUM_NETWORK === 'rpc') {
    // config.ts guarantees URL, chain id, both signers (HSM or keystore, see signer-wiring.ts) and the infrastructure record are set.
    const source = signerSource(config);
    try {
      const driver = evmDriverFromEnv(evmEnv(config), await evmSigners(config, source));
      logger.info({ chain: driver.chain, url: redactUrl(config.ETHEREUM_RPC_URL!), finality: driver.finality }, 'ethereum driver configured');
      return {
        driver,
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
  const chainId = BigInt(config.ETHEREUM_CHAIN_ID ?? ANVIL_DEV_CHAIN_ID);
  for (const f of [o.localStateFile, o.infrastructureFile]) if (f) mkdirSync(dirname(f), { recursive: true });
  const anvil = config.ETHEREUM_RPC_URL
    ? undefined
    : await startAnvil({
        chainId: Number(chainId),
        port: config.ETHEREUM_LOCAL_PORT,
        statePath: o.localStateFile,
        stateIntervalSeconds: o.localStateFile ? STATE_INTERVAL_SECONDS : undefined,
        sweepMs: DEVNET_POOL_SWEEP_MS,
      });
  try {
    const url = config.ETHEREUM_RPC_URL ?? anvil!.url;
    const [adminKey, operatorKey, claimKey] = ANVIL_DEV_ACCOUNTS;
    const [admin, operator, claimSigner] = [adminKey, operatorKey, claimKey].map((a) => devSecp256k1Signer(a.privateKey)) as [Signer, Signer, Signer];
    const roleKeys = localRoleKeys(config);
    const roles = { minter: roleKeys.minter[0], compliance: roleKeys.compliance[0], oracle: roleKeys.oracle[0] };
    // Role keys are not among anvil's funded dev accounts: an in-process anvil pays their gas.
    for (const k of Object.values(roleKeys).flat()) await anvil?.cheats.setBalance(signerAddress(k), 10n ** 21n);
    const shared = await ensureInfrastructure({ url, chainId, admin, operator, claimSigner, roles, recordPath: o.infrastructureFile });
    // The devnet's own USDC (FiscusUSDC: blacklist, pause, permit, faucet minter = the admin key).
    const infrastructure = await ensureLocalSettlement({ url, chainId, admin, infrastructure: shared, recordPath: o.infrastructureFile });
    const driver = new EvmDriver({
      chainId,
      url,
      admin,
      operator,
      claimSigner,
      roleKeys,
      infrastructure,
      finality: parseEvmFinality(config.EVM_FINALITY ?? '0', 'EVM_FINALITY'),
      redemptionAddress: config.EVM_REDEMPTION_ADDRESS,
      fees: feePolicyFromGwei(config.EVM_MAX_FEE_GWEI),
      ...(await localSafeApprovals(config, { url, chainId, admin, recordPath: o.infrastructureFile && `${o.infrastructureFile}.safe.json` })),
    });
    logger.warn(
      {
        chain: driver.chain,
        url,
        inProcess: anvil !== undefined,
        stateFile: anvil ? (o.localStateFile ?? null) : null,
        infrastructureFile: o.infrastructureFile ?? null,
      },
      `${driver.chain} is a LOCAL anvil devnet signing with anvil's PUBLIC dev keys (never use them on a real network). ` +
        'Set ETHEREUM_NETWORK=none to disable, rpc for a real network.',
    );
    const usdc = infrastructure.settlement;
    return {
      driver,
      anvil,
      faucet: usdc?.local ? localEvmFaucet(driver, usdc.decimals) : undefined,
      close: async () => {
        driver.provider.destroy();
        await anvil?.stop();
      },
    };
  } catch (e) {
    await anvil?.stop();
    throw e;
  }
}

/**
 * Local role keys: EVM_<ROLE>_KEY then EVM_<ROLE>_NEXT_KEY (a rotation's target); a role without
 * either is held by the operator key (anvil's dev account 1).
 */
function localRoleKeys(c: Config): Record<KeyRole, Signer[]> {
  const env = evmEnv(c);
  return Object.fromEntries(
    KEY_ROLES.map((role) => {
      const keys = [env[`EVM_${role.toUpperCase()}_KEY`], env[`EVM_${role.toUpperCase()}_NEXT_KEY`]].filter((k): k is string => !!k);
      return [role, keys.map((k) => devSecp256k1Signer(k))];
    }),
  ) as Record<KeyRole, Signer[]>;
}

/** `local` with EVM_SAFE_OWNERS: the Safe contracts are deployed on the devnet (or given), then as on `rpc`. */
async function localSafeApprovals(c: Config, p: { url: string; chainId: bigint; admin: Signer; recordPath?: string }) {
  if (!c.EVM_SAFE_OWNERS) return {};
  const provider = createEvmProvider(p.url, p.chainId);
  try {
    const safe =
      c.EVM_SAFE_SINGLETON && c.EVM_SAFE_PROXY_FACTORY
        ? { singleton: c.EVM_SAFE_SINGLETON, proxyFactory: c.EVM_SAFE_PROXY_FACTORY }
        : await ensureSafeInfrastructure(new AdminSender(provider, p.admin, p.chainId), p.recordPath);
    return safeApprovalsFromEnv({ ...evmEnv(c), EVM_SAFE_SINGLETON: safe.singleton, EVM_SAFE_PROXY_FACTORY: safe.proxyFactory });
  } finally {
    provider.destroy();
  }
}

/** What evmDriverFromEnv reads, taken from the validated config rather than raw process.env. */
function evmEnv(c: Config): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ETHEREUM_RPC_URL: c.ETHEREUM_RPC_URL,
    ETHEREUM_CHAIN_ID: c.ETHEREUM_CHAIN_ID,
    EVM_FINALITY: c.EVM_FINALITY,
    EVM_MAX_FEE_GWEI: c.EVM_MAX_FEE_GWEI,
    EVM_INFRASTRUCTURE: c.EVM_INFRASTRUCTURE,
    EVM_INFRASTRUCTURE_FILE: c.EVM_INFRASTRUCTURE_FILE,
    EVM_OPERATOR_KEY: c.EVM_OPERATOR_KEY,
    EVM_ADMIN_KEY: c.EVM_ADMIN_KEY,
    EVM_CLAIM_KEY: c.EVM_CLAIM_KEY,
    EVM_MINTER_KEY: c.EVM_MINTER_KEY,
    EVM_COMPLIANCE_KEY: c.EVM_COMPLIANCE_KEY,
    EVM_ORACLE_KEY: c.EVM_ORACLE_KEY,
    EVM_MINTER_NEXT_KEY: c.EVM_MINTER_NEXT_KEY,
    EVM_COMPLIANCE_NEXT_KEY: c.EVM_COMPLIANCE_NEXT_KEY,
    EVM_ORACLE_NEXT_KEY: c.EVM_ORACLE_NEXT_KEY,
    EVM_REDEMPTION_ADDRESS: c.EVM_REDEMPTION_ADDRESS,
    EVM_SAFE_OWNERS: c.EVM_SAFE_OWNERS,
    EVM_SAFE_THRESHOLD: c.EVM_SAFE_THRESHOLD,
    EVM_SAFE_SINGLETON: c.EVM_SAFE_SINGLETON,
    EVM_SAFE_PROXY_FACTORY: c.EVM_SAFE_PROXY_FACTORY,
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

/** RPC URLs often carry an API key in the path or query: log the origin only. */
function redactUrl(url: string): string {
  return new URL(url).origin;
}
