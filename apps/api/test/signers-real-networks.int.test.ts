import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInfrastructure, signerAddress } from '@fiscus/chain-evm';
import { accountIdOf, fromDeployment } from '@fiscus/chain-stellar';
import { startAnvil, startLocalHorizon, type AnvilNode, type LocalHorizon } from '@fiscus/devnet';
import { Pkcs11Token, encryptEd25519Keystore, encryptSecp256k1Keystore, memoryEd25519Signer, memorySecp256k1Signer, pkcs11Signer } from '@fiscus/signers';
import { tempToken, type TempToken } from '../../../packages/signers/test/support/softhsm.ts';
import { loadConfig } from '../src/config.ts';
import { buildAvalanche } from '../src/chains/avalanche/wiring.ts';
import { buildEvm } from '../src/chains/ethereum/wiring.ts';
import { buildStellar } from '../src/chains/stellar/wiring.ts';
import { silentLogger } from '../src/lib/logger.ts';

const PASSPHRASE = 'correct horse battery staple';
const FAST_SCRYPT = { N: 1 << 10 };

/**
 * The API's wiring of real networks (ETHEREUM_NETWORK=rpc, STELLAR_NETWORK=testnet) pointed at the
 * local chains, with keys only from signers: a SoftHSM2 token and encrypted keystore files.
 */
describe('real-network wiring signs with the HSM and keystore files', () => {
  let hsm: TempToken;
  let anvil: AnvilNode;
  let horizon: LocalHorizon;
  let dir: string;

  beforeAll(async () => {
    hsm = tempToken('fiscus-api');
    dir = join(hsm.conf, '..');
    [anvil, horizon] = await Promise.all([startAnvil({ chainId: 31337 }), startLocalHorizon({ closeMs: 0 })]);
  });
  afterAll(async () => {
    await Promise.all([anvil?.stop(), horizon?.close()]);
    hsm?.remove();
  });

  const hsmEnv = () => ({
    FISCUS_PKCS11_LIBRARY: hsm.options.library,
    FISCUS_PKCS11_TOKEN: hsm.options.tokenLabel!,
    FISCUS_PKCS11_PIN: hsm.options.pin,
    FISCUS_KEYSTORE_PASSPHRASE: PASSPHRASE,
  });
  const noOtherChains = { FISCUS_DEVNET: 'none', AVALANCHE_NETWORK: 'none' };

  it('ETHEREUM_NETWORK=rpc: operator in the HSM, admin in a keystore file; the admin deploys a fund suite', async () => {
    // Set-up an operator does once: the operator key generated in the token, the admin key encrypted at rest.
    const token = Pkcs11Token.open(hsm.options);
    const operator = await pkcs11Signer(token, 'evm-operator', 'secp256k1', { create: true });
    const adminWallet = Wallet.createRandom();
    const adminFile = join(dir, 'evm-admin.json');
    writeFileSync(adminFile, await encryptSecp256k1Keystore(adminWallet.privateKey, PASSPHRASE, FAST_SCRYPT));
    await anvil.cheats.setBalance(signerAddress(operator), 10n ** 21n);
    await anvil.cheats.setBalance(adminWallet.address, 10n ** 21n);
    const infrastructure = await ensureInfrastructure({ url: anvil.url, chainId: 31337n, admin: memorySecp256k1Signer(adminWallet.privateKey), operator });
    await token.close();

    const config = loadConfig({
      ...noOtherChains,
      ...hsmEnv(),
      STELLAR_NETWORK: 'none',
      ETHEREUM_NETWORK: 'rpc',
      ETHEREUM_RPC_URL: anvil.url,
      ETHEREUM_CHAIN_ID: '31337',
      EVM_FINALITY: '0',
      EVM_INFRASTRUCTURE: JSON.stringify(infrastructure),
      EVM_OPERATOR_SIGNER: 'pkcs11:evm-operator',
      EVM_ADMIN_SIGNER: `keystore:${adminFile}`,
    });
    const evm = (await buildEvm(config, silentLogger()))!;
    try {
      const deployment = await evm.driver.deploy({ id: 'fund-hsm', name: 'HSM Treasury', symbol: 'HSMT', decimals: 6 });
      expect(deployment.details.token).toMatch(/^0x[0-9a-fA-F]{40}$/);
      expect(await evm.driver.totalSupply(deployment)).toBe(0n);
    } finally {
      await evm.close();
    }
  });

  it('STELLAR_NETWORK=testnet: per-fund keys generated in the HSM, funding account from a keystore file', async () => {
    const fundingSeed = new Uint8Array(randomBytes(32));
    const funding = memoryEd25519Signer(fundingSeed);
    expect((await fetch(`${horizon.url}/friendbot?addr=${accountIdOf(funding)}`)).ok).toBe(true);
    const fundingFile = join(dir, 'stellar-funding.json');
    writeFileSync(fundingFile, await encryptEd25519Keystore(fundingSeed, PASSPHRASE, FAST_SCRYPT));

    const config = loadConfig({
      ...noOtherChains,
      ...hsmEnv(),
      ETHEREUM_NETWORK: 'none',
      STELLAR_NETWORK: 'testnet',
      STELLAR_HORIZON_URL: horizon.url,
      STELLAR_NETWORK_PASSPHRASE: horizon.ledger.passphrase,
      STELLAR_HOME_DOMAIN: 'fund.example.com',
      STELLAR_KEYRING_SIGNER: 'pkcs11:fiscus-stellar',
      STELLAR_FUNDING_SIGNER: `keystore:${fundingFile}`,
    });
    const stellar = (await buildStellar(config, silentLogger(), {
      seed: () => {
        throw new Error('a real network never reads a plaintext seed');
      },
    }))!;
    try {
      const deployment = await stellar.driver.deploy({ id: 'fund-hsm', name: 'HSM Treasury', symbol: 'HSMT', decimals: 6 });
      const { issuer, distribution } = fromDeployment(deployment);
      // The issuing and distribution keys are the token's, found by their labels.
      const token = Pkcs11Token.open(hsm.options);
      try {
        expect(accountIdOf(await pkcs11Signer(token, 'fiscus-stellar/issuer/fund-hsm', 'ed25519'))).toBe(issuer);
        expect(accountIdOf(await pkcs11Signer(token, 'fiscus-stellar/distribution/fund-hsm', 'ed25519'))).toBe(distribution);
      } finally {
        await token.close();
      }
    } finally {
      await stellar.close();
    }
  });

  it('AVALANCHE_NETWORK=rpc: operator, admin and the P-Chain payer from the HSM', async () => {
    const token = Pkcs11Token.open(hsm.options);
    const [operator, , payer] = await Promise.all(
      ['l1-operator', 'l1-admin', 'pchain-payer'].map((l) => pkcs11Signer(token, l, 'secp256k1', { create: true })),
    );
    await token.close();
    const config = loadConfig({
      ...hsmEnv(),
      FISCUS_DEVNET: 'none',
      STELLAR_NETWORK: 'none',
      ETHEREUM_NETWORK: 'none',
      AVALANCHE_NETWORK: 'rpc',
      AVALANCHE_RPC_URL: anvil.url,
      AVALANCHE_CHAIN_ID: '31337',
      AVALANCHE_FINALITY: 'finalized',
      AVALANCHE_INFRASTRUCTURE: '{}',
      AVALANCHE_OPERATOR_SIGNER: 'pkcs11:l1-operator',
      AVALANCHE_ADMIN_SIGNER: 'pkcs11:l1-admin',
      AVALANCHE_PCHAIN_URL: 'http://127.0.0.1:9650',
      AVALANCHE_PCHAIN_SIGNER: 'pkcs11:pchain-payer',
    });
    const l1 = (await buildAvalanche(config, silentLogger()))!;
    try {
      expect(l1.driver.operatorAddress).toBe(signerAddress(operator!));
      // POST /v1/avalanche/l1s provisions through this P-Chain with the HSM payer (l1ProvisionerFor takes it first).
      expect(l1.pchain?.url).toBe('http://127.0.0.1:9650');
      expect(l1.pchain?.payer.publicKey).toEqual(payer!.publicKey);
    } finally {
      await l1.close();
    }
  });

  it('a key label the token does not hold stops the start, naming the variable', async () => {
    const config = loadConfig({
      ...noOtherChains,
      ...hsmEnv(),
      STELLAR_NETWORK: 'none',
      ETHEREUM_NETWORK: 'rpc',
      ETHEREUM_RPC_URL: anvil.url,
      ETHEREUM_CHAIN_ID: '31337',
      EVM_FINALITY: '0',
      EVM_INFRASTRUCTURE: '{}',
      EVM_OPERATOR_SIGNER: 'pkcs11:evm-operater',
      EVM_ADMIN_SIGNER: 'pkcs11:evm-admin',
    });
    await expect(buildEvm(config, silentLogger())).rejects.toThrow(/EVM_OPERATOR_SIGNER: PKCS#11 token fiscus-api holds no key labelled "evm-operater"/);
  });
});
