import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Keypair } from '@stellar/stellar-sdk';
import type { PayoutChainHarness } from '@fiscus/engine/testing';
import { keypairSigner, LocalStablecoin, type StellarDriver } from '../../src/index.ts';
import { driverEnv, driverFromEnv, LOCAL_CHAIN, LocalNetwork } from './local-network.ts';

/** The local USDC issuer, derived from the harness seed so worker children configure the same asset. */
export const usdcIssuerKey = (seed: Buffer) => Keypair.fromRawEd25519Seed(createHmac('sha256', seed).update('usdc-issuer').digest());

export function usdcDriverFromEnv(env: NodeJS.ProcessEnv): StellarDriver {
  return driverFromEnv(env, { stablecoin: { code: 'USDC', issuer: env.STELLAR_USDC_ISSUER! } });
}

export interface UsdcHarness extends PayoutChainHarness {
  net: LocalNetwork;
  usdc: LocalStablecoin;
  /** A funded account trusting the fund asset and, unless `trustUsdc` is false, the USDC. */
  investor(o?: { trustUsdc?: boolean }): Promise<string>;
}

/** The engine suites on the local ledger with a local USDC as the fund's settlement asset. */
export async function startUsdcHarness(): Promise<UsdcHarness> {
  const net = await LocalNetwork.start();
  const issuer = usdcIssuerKey(net.seed);
  const usdc = await LocalStablecoin.open({ horizonUrl: net.horizon.url, passphrase: net.horizon.ledger.passphrase, issuer: keypairSigner(issuer) });
  const env = { ...driverEnv(net.horizon, net.seed), STELLAR_USDC_ISSUER: issuer.publicKey() };
  const inner = usdcDriverFromEnv(env);
  const driver = net.recordingDeploys(inner);
  const investor = async (o: { trustUsdc?: boolean } = {}) => {
    const address = net.newInvestor();
    await waitForAccount(net, address);
    if (o.trustUsdc !== false) await usdc.trust(keypairSigner(net.investors.get(address)!));
    return address;
  };
  return {
    net,
    usdc,
    chain: LOCAL_CHAIN,
    driver,
    newAddress: () => net.newInvestor(),
    investor,
    fundTreasury: async (deployment, usd) => {
      await usdc.pay(inner.treasuryAddress(deployment), usd * 10n);
    },
    enablePayee: async (_deployment, address) => {
      await waitForAccount(net, address);
      await usdc.trust(keypairSigner(net.investors.get(address)!));
    },
    childDriverModule: fileURLToPath(new URL('./usdc-child.ts', import.meta.url)),
    childDriverEnv: env,
    close: () => net.close(),
  };
}

/** newInvestor() submits without waiting; the ledger applies it within a tick. */
async function waitForAccount(net: LocalNetwork, address: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (net.horizon.ledger.nextSequence(address) > 1n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
