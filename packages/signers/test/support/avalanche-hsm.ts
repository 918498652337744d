import { signerAddress } from '@fiscus/chain-evm';
import { buildSubnetEvmGenesis, ensureAvalancheInfrastructure, platformL1Config } from '@fiscus/chain-avalanche';
import { startSubnetEvm } from '@fiscus/devnet';
import { Pkcs11Token, pkcs11Signer } from '../../src/index.ts';
import { tempToken } from './softhsm.ts';

export const L1_CHAIN_ID = 43_199n;

/**
 * The Subnet-EVM stand-in with the L1's platform keys (admin, operator, claim issuer, allow-list
 * admin) generated in a fresh SoftHSM2 token, the genesis allow-listing the token's addresses as
 * an L1 provisioned for HSM keys would, and the shared infrastructure deployed by those keys.
 */
export async function startHsmL1(tokenName: string) {
  const hsm = tempToken(tokenName);
  const token = Pkcs11Token.open(hsm.options);
  const key = (label: string) => pkcs11Signer(token, label, 'secp256k1', { create: true });
  const signers = {
    admin: await key('l1-admin'),
    operator: await key('l1-operator'),
    claimSigner: await key('l1-claim'),
    allowListAdmin: await key('l1-allowlist-admin'),
  };
  const genesis = buildSubnetEvmGenesis(
    platformL1Config({
      chainId: Number(L1_CHAIN_ID),
      allowListAdmin: signerAddress(signers.allowListAdmin),
      admin: signerAddress(signers.admin),
      operator: signerAddress(signers.operator),
    }),
  );
  const node = await startSubnetEvm({ genesis });
  const infrastructure = await ensureAvalancheInfrastructure({ url: node.url, chainId: L1_CHAIN_ID, ...signers });
  return {
    hsm,
    signers,
    node,
    infrastructure,
    async stop() {
      await node.stop();
      await token.close();
      hsm.remove();
    },
  };
}
