import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Wallet } from 'ethers';
import { MemoryProvisionStore, pchainBech32, platformL1Config, provisionL1 } from '@fiscus/chain-avalanche';
import { devValidator, startPChain, type PChainServer } from '@fiscus/devnet';
import { Pkcs11Token, pkcs11Signer } from '../src/index.ts';
import { tempToken, type TempToken } from './support/softhsm.ts';

const AVAX = 1_000_000_000n;

/**
 * P-Chain keys in the token: the fee payer and the subnet owner sign CreateSubnet, CreateChain and
 * ConvertSubnetToL1 through PKCS#11, and the P-Chain stand-in (which checks every credential)
 * accepts them — the 65-byte r ‖ s ‖ v a P-Chain credential carries is what the signer returns.
 */
describe('P-Chain provisioning signed in a PKCS#11 token', () => {
  let hsm: TempToken;
  let token: Pkcs11Token;
  let pchain: PChainServer;

  beforeAll(() => {
    hsm = tempToken('fiscus-pchain');
    token = Pkcs11Token.open(hsm.options);
  });
  afterAll(async () => {
    await pchain?.close();
    await token?.close();
    hsm?.remove();
  });

  it('provisions an L1 (subnet, chain, conversion) with the payer and subnet owner in the HSM', async () => {
    const payer = await pkcs11Signer(token, 'pchain-payer', 'secp256k1', { create: true });
    const subnetOwner = await pkcs11Signer(token, 'pchain-subnet-owner', 'secp256k1', { create: true });
    pchain = await startPChain({ funded: [{ address: pchainBech32(payer, 'local'), amount: 1000n * AVAX }] });
    const [allowListAdmin, admin, operator] = [0, 1, 2].map(() => Wallet.createRandom().address) as [string, string, string];
    const rec = await provisionL1(
      'fund-hsm',
      {
        chainName: 'fiscus hsm L1',
        genesis: platformL1Config({ chainId: 777_123, allowListAdmin, admin, operator }),
        validatorManagerAddress: '0x0feedc0de0000000000000000000000000000000',
        validators: ['node-a', 'node-b'].map((s) => ({ ...devValidator(s), weight: 100n, balance: 1n * AVAX })),
      },
      { pchain: pchain.url, store: new MemoryProvisionStore(), keys: { payer, subnetOwner } },
    );
    expect(rec.step).toBe('done');
    expect(pchain.state.subnets.size).toBe(1);
    expect(pchain.chain(rec.blockchainId!)?.subnetId).toBe(rec.subnetId);
  });
});
