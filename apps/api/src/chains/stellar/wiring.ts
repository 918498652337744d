import { Keypair, Networks } from '@stellar/stellar-sdk';
import { microUsdToStablecoin, type ChainId } from '@fiscus/core';
import { LocalStablecoin, StellarDriver, keypairSigner, localStellarKeyring, type Funding, type StellarDriverOptions } from '@fiscus/chain-stellar';
import { LOCAL_PASSPHRASE, startLocalHorizon, type LocalHorizon } from '@fiscus/devnet';
import type { Logger } from 'pino';
import { publicUrl, type Config } from '../../config.ts';
import { stellarApprovals, stellarLeastPrivilege } from './config.ts';
import type { StablecoinFaucet, StellarTomlDeps } from '../../lib/types.ts';
import { signerSource, stellarSigners } from '../../signer-wiring.ts';

/** What /.well-known/stellar.toml needs to know about the configured Stellar network. */
export interface StellarInfo {
  chain: ChainId;
  networkPassphrase: string;
  horizonUrl: string;
}

export interface StellarChain {
  driver: StellarDriver;
  info: StellarInfo;
  /** The in-process local ledger (STELLAR_NETWORK=local without STELLAR_HORIZON_URL). */
  local?: LocalHorizon;
  /** stellar:local only: the local USDC's faucet (its issuer key is derived from the keyring seed). */
  faucet?: StablecoinFaucet;
  close(): Promise<void>;
}

const PUBLIC_NETWORKS = {
  testnet: { horizonUrl: 'https://horizon-testnet.stellar.org', passphrase: Networks.TESTNET, friendbot: 'https://friendbot.stellar.org' },
  pubnet: { horizonUrl: 'https://horizon.stellar.org', passphrase: Networks.PUBLIC, friendbot: undefined },
} as const;

/** The issuers' home_domain: STELLAR_HOME_DOMAIN, else host[:port] of the public URL (which serves stellar.toml). */
export function stellarHomeDomain(config: Config): string {
  return config.STELLAR_HOME_DOMAIN ?? new URL(publicUrl(config)).host;
}

export interface StellarWiringOptions {
  /** The keyring's master seed (called once). */
  seed: () => Uint8Array;
  /** Replay journal of the in-process local ledger; omitted = in memory only (tests). */
  localStateFile?: string;
}

/**
 * STELLAR_NETWORK=local starts the Horizon-compatible local ledger in this process (or, with
 * STELLAR_HORIZON_URL, uses one another process started: worker-main); testnet/pubnet use SDF's
 * Horizon unless STELLAR_HORIZON_URL names another.
 */
export async function buildStellar(config: Config, logger: Logger, o: StellarWiringOptions): Promise<StellarChain | undefined> {
  const seed = o.seed;
  const network = config.STELLAR_NETWORK;
  if (network === 'none') return undefined;
  const homeDomain = stellarHomeDomain(config);
  const payers = platformPayers(config);
  if (network === 'local') {
    const local = config.STELLAR_HORIZON_URL
      ? undefined
      : await startLocalHorizon({
          closeMs: config.STELLAR_LEDGER_CLOSE_MS,
          port: config.STELLAR_LOCAL_PORT,
          passphrase: config.STELLAR_NETWORK_PASSPHRASE,
          journalFile: o.localStateFile,
        });
    const horizonUrl = config.STELLAR_HORIZON_URL ?? local!.url;
    const passphrase = config.STELLAR_NETWORK_PASSPHRASE ?? local?.ledger.passphrase ?? LOCAL_PASSPHRASE;
    const chain: ChainId = 'stellar:local';
    const masterSeed = seed();
    // A local USDC issued by a key derived from the keyring seed: the same asset across restarts.
    const usdc = await LocalStablecoin.open({ horizonUrl, passphrase, issuer: await localStellarKeyring(masterSeed).signer('local-usdc', 'issuer') });
    const faucet: StablecoinFaucet = {
      pay: async (address, usd) => ({ txHash: await usdc.pay(address, microUsdToStablecoin(usd, 7).amount) }),
    };
    const driver = new StellarDriver({
      chain,
      horizonUrl,
      networkPassphrase: passphrase,
      keys: localStellarKeyring(masterSeed),
      funding: { kind: 'friendbot', url: `${horizonUrl}/friendbot` },
      homeDomain,
      stablecoin: usdc.asset,
      ...payers,
      ...stellarApprovals(config),
      ...stellarLeastPrivilege(config),
    });
    const stateFile = local ? o.localStateFile : undefined;
    logger.warn(
      { chain, horizonUrl, closeMs: config.STELLAR_LEDGER_CLOSE_MS, inProcess: local !== undefined, stateFile: stateFile ?? null },
      stateFile
        ? 'stellar:local is a LOCAL SIMULATED Stellar ledger (not a real network), kept across restarts in its journal file. ' +
            'Set STELLAR_NETWORK=none to disable, testnet/pubnet for a real network.'
        : 'stellar:local is a LOCAL SIMULATED Stellar ledger (not a real network) held IN MEMORY only: its state is LOST when the ' +
            'process that runs it stops. Set STELLAR_NETWORK=none to disable, testnet/pubnet for a real network.',
    );
    return { driver, local, faucet, info: { chain, networkPassphrase: passphrase, horizonUrl }, close: async () => local?.close() };
  }
  const net = PUBLIC_NETWORKS[network];
  const horizonUrl = config.STELLAR_HORIZON_URL ?? net.horizonUrl;
  const passphrase = config.STELLAR_NETWORK_PASSPHRASE ?? net.passphrase;
  const chain: ChainId = `stellar:${network}`;
  // config.ts guarantees: a keyring signer for both, a funding signer for pubnet, no plaintext key (signer-wiring.ts).
  const source = signerSource(config);
  try {
    const s = await stellarSigners(config, source);
    const funding: Funding = s.funding ? { kind: 'account', signer: s.funding } : { kind: 'friendbot', url: net.friendbot ?? `${horizonUrl}/friendbot` };
    const driver = new StellarDriver({
      chain,
      horizonUrl,
      networkPassphrase: passphrase,
      keys: s.keys,
      funding,
      homeDomain,
      ...(s.sponsor ? { sponsor: s.sponsor } : {}),
      ...(s.feeAccount ? { feeAccount: s.feeAccount } : {}),
      ...stellarApprovals(config),
      ...stellarLeastPrivilege(config),
    });
    logger.info({ chain, horizonUrl, homeDomain, funding: funding.kind }, 'stellar driver configured');
    return { driver, info: { chain, networkPassphrase: passphrase, horizonUrl }, close: () => source.close() };
  } catch (e) {
    await source.close();
    throw e;
  }
}

/** The accounts that pay investors' trustline reserves and fee bumps, when not the fund's own. */
function platformPayers(config: Config): Pick<StellarDriverOptions, 'sponsor' | 'feeAccount'> {
  return {
    ...(config.STELLAR_SPONSOR_SECRET ? { sponsor: keypairSigner(Keypair.fromSecret(config.STELLAR_SPONSOR_SECRET)) } : {}),
    ...(config.STELLAR_FEE_SECRET ? { feeAccount: keypairSigner(Keypair.fromSecret(config.STELLAR_FEE_SECRET)) } : {}),
  };
}

/** What the stellar.toml route serves, from config: org fields default to the public URL. */
export function stellarTomlDeps(config: Config, info: StellarInfo | undefined): StellarTomlDeps | undefined {
  if (!info) return undefined;
  const base = publicUrl(config);
  return {
    ...info,
    publicUrl: base,
    organization: {
      name: config.FISCUS_ORG_NAME,
      url: config.FISCUS_ORG_URL ?? base,
      officialEmail: config.FISCUS_ORG_EMAIL,
      physicalAddress: config.FISCUS_ORG_ADDRESS,
    },
    sep8: {
      maxFeePerOp: config.STELLAR_SEP8_MAX_FEE_PER_OP,
      ratePerMinute: config.STELLAR_SEP8_RATE_LIMIT,
      actionUrl: config.STELLAR_SEP8_ACTION_URL ?? `${base}/onboarding`,
    },
  };
}
