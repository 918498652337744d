import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { describeCrashSafety } from '@fiscus/engine/testing';
import { EvmDriver, ensureInfrastructure, signerAddress } from '@fiscus/chain-evm';
import { startAnvil } from '@fiscus/devnet';
import { Wallet } from 'ethers';
import { Pkcs11Token, pkcs11Signer } from '../src/index.ts';
import { tempToken } from './support/softhsm.ts';

const ETH = 10n ** 18n;

// As the Stellar and L1 HSM crash tests: two worker processes per case, each opening the token;
// a loaded 2-core machine passed the default 60 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/**
 * The engine's crash-safety suite on anvil with every EVM key in a SoftHSM2 token: worker
 * processes killed at each step find the keys again by label and never sign twice.
 */
describeCrashSafety('evm (T-REX on anvil), keys in a PKCS#11 token', async () => {
  const hsm = tempToken('fiscus-crash');
  const token = Pkcs11Token.open(hsm.options);
  const key = (label: string) => pkcs11Signer(token, label, 'secp256k1', { create: true });
  const signers = { operator: await key('evm-operator'), admin: await key('evm-admin'), claimSigner: await key('evm-claim') };
  const chainId = 31_337n;
  const anvil = await startAnvil({ chainId: Number(chainId) });
  for (const s of [signers.admin, signers.operator]) await anvil.cheats.setBalance(signerAddress(s), 1_000n * ETH);
  const infrastructure = await ensureInfrastructure({ url: anvil.url, chainId, ...signers });
  const driver = new EvmDriver({ chainId, url: anvil.url, ...signers, infrastructure });
  return {
    chain: driver.chain,
    driver,
    newAddress: () => Wallet.createRandom().address,
    childDriverModule: fileURLToPath(new URL('./support/evm-hsm-child.ts', import.meta.url)),
    childDriverEnv: {
      SOFTHSM2_CONF: hsm.conf,
      FISCUS_PKCS11_LIBRARY: hsm.options.library,
      FISCUS_PKCS11_TOKEN: hsm.options.tokenLabel!,
      FISCUS_PKCS11_PIN: hsm.options.pin,
      ETHEREUM_RPC_URL: anvil.url,
      ETHEREUM_CHAIN_ID: chainId.toString(),
      EVM_FINALITY: '0', // anvil never reorgs unless told to
      EVM_INFRASTRUCTURE: JSON.stringify(infrastructure),
    },
    close: async () => {
      driver.provider.destroy();
      await anvil.stop();
      await token.close();
      hsm.remove();
    },
  };
});
